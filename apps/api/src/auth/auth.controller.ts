import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { Public, SignedIn } from './access.decorator';
import { SESSION_COOKIE } from './auth.guard';
import { AuthService, SESSION_HOURS } from './auth.service';
import { LoginDto, type LoginResponse, type MeResponse, type UserResponse } from './auth.dto';
import { User, type CurrentUser } from './current-user';
import { CookieOptionsFactory } from './cookie-options';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly cookies: CookieOptionsFactory,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    // TRUST_PROXY decides whether this is the proxy's address or the forwarded client's.
    const address = req.ip ?? 'unknown';
    try {
      const signedIn = await this.auth.login(body.username, body.password, address);
      await this.audit.record(signedIn.user, {
        kind: 'login',
        action: 'POST /auth/login',
        entity: 'user',
        entityId: signedIn.user.id,
        statusCode: 200,
      });
      res.cookie(SESSION_COOKIE, signedIn.token, this.cookies.session(SESSION_HOURS));
      return {
        accessToken: signedIn.token,
        csrfToken: signedIn.csrfToken,
        expiresAt: signedIn.expiresAt,
        user: toUserResponse(signedIn.user),
      };
    } catch (error) {
      // Failed sign-ins are itemised (within an hourly budget); throttled ones, which checked no password, are counted.
      if (error instanceof AppError && error.code === 'UNAUTHORIZED')
        await this.audit.recordFailedSignIn(body.username, address);
      if (error instanceof AppError && error.code === 'TOO_MANY_ATTEMPTS')
        await this.audit.countAnonymous('POST /auth/login', 429);
      throw error;
    }
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ')
      ? header.slice(7)
      : ((req.cookies as Record<string, string>)[SESSION_COOKIE] ?? '');
    await this.auth.logout(token);
    res.clearCookie(SESSION_COOKIE, this.cookies.session(0));
  }

  @Get('me')
  @SignedIn()
  me(@User() user: CurrentUser, @Req() req: Request & { csrfToken?: string }): MeResponse {
    return { ...toUserResponse(user), csrfToken: req.csrfToken ?? '' };
  }
}

function toUserResponse(u: CurrentUser): UserResponse {
  return { username: u.username, role: u.role, departmentId: u.departmentId };
}

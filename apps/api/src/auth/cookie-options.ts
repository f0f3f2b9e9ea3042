import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

@Injectable()
export class CookieOptionsFactory {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** httpOnly so scripts cannot read it; SameSite=Lax so other sites cannot send it with their forms. */
  session(hours: number): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/', maxAge: hours * 3600_000 };
  }
}

import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import type { FlaggedSubmissionsResponse, RevisionResponse } from '@taizhang/contracts';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { storedFileDownload } from '../common/file-download';
import { idPipe } from '../common/id.pipe';
import { EvidenceService, type EvidenceResponse } from './evidence.service';
import { FlaggedSubmissionsService } from './flagged-submissions.service';
import { SubmissionBody, submissionBodyPipe } from './submission-body';
import {
  AcceptSubmissionDto,
  CreateSubmissionDto,
  FlaggedQueryDto,
  ReturnSubmissionDto,
  RevisionsQueryDto,
  type CreateSubmissionResponse,
} from './submissions.dto';
import { SubmissionsService } from './submissions.service';

@ApiTags('submissions')
@Controller()
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly evidence: EvidenceService,
    private readonly flagged: FlaggedSubmissionsService,
  ) {}

  /**
   * A department's figures for one metric and period; answers with the evaluation they caused. JSON, or multipart with
   * the request as JSON in field `submission` and an evidence file in field `file`: figure and evidence, all or nothing.
   */
  @Post('submissions')
  @HttpCode(201)
  @Roles('department')
  @UseInterceptors(FileInterceptor('file'))
  create(
    @User() user: CurrentUser,
    @SubmissionBody(submissionBodyPipe) body: CreateSubmissionDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<CreateSubmissionResponse> {
    return this.submissions.create(user, body, file);
  }

  /** Every figure that tripped a soft rule, with its explanation and where it stands: for leaders (and admins, who read). */
  @Get('submissions/flagged')
  @Roles('leader', 'admin')
  flaggedList(@Query() q: FlaggedQueryDto): Promise<FlaggedSubmissionsResponse> {
    return this.flagged.list(q.planId, q.period);
  }

  /** A leader accepts a flagged figure and its explanation (or returns it with the ordinary return). */
  @Post('submissions/:id/accept')
  @HttpCode(201)
  @Roles('leader')
  accept(
    @User() user: CurrentUser,
    @Param('id', idPipe('报送编号 / submission id')) id: number,
    @Body() body: AcceptSubmissionDto,
  ): Promise<{ accepted: true }> {
    return this.flagged.accept(user, id, body.comment);
  }

  /** Every revision of a metric's figures, with returns and evidence. */
  @Get('submissions')
  @SignedIn()
  revisions(@User() user: CurrentUser, @Query() q: RevisionsQueryDto): Promise<RevisionResponse[]> {
    return this.submissions.revisions(user, q.metricId, q.departmentId);
  }

  /** Sending figures back for correction is a leader's act: departments, lead or not, only correct their own. */
  @Post('submissions/:id/return')
  @HttpCode(201)
  @Roles('leader')
  returnForCorrection(
    @User() user: CurrentUser,
    @Param('id', idPipe('报送编号 / submission id')) id: number,
    @Body() body: ReturnSubmissionDto,
  ): Promise<{ returned: true }> {
    return this.submissions.returnForCorrection(user, id, body.comment);
  }

  /** Evidence (PDF, images, Office documents), size-limited; the type is checked by content. */
  @Post('submissions/:id/evidence')
  @HttpCode(201)
  @Roles('department')
  @UseInterceptors(FileInterceptor('file'))
  attach(
    @User() user: CurrentUser,
    @Param('id', idPipe('报送编号 / submission id')) id: number,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<EvidenceResponse> {
    return this.evidence.attach(user, id, file);
  }

  @Get('evidence/:id')
  @SignedIn()
  async download(
    @User() user: CurrentUser,
    @Param('id', idPipe('材料编号 / evidence id')) id: number,
  ): Promise<StreamableFile> {
    const { file, path } = await this.evidence.find(user, id);
    return storedFileDownload(path, file);
  }
}

import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { WriteAccessGuard } from '../common/write-access.guard';
import { CreateSubmissionDto, type CreateSubmissionResponse } from './submissions.dto';
import { SubmissionsService } from './submissions.service';

@ApiTags('submissions')
@Controller('submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  /** A department's figures for one metric and period; answers with the evaluation they caused. */
  @Post()
  @HttpCode(201)
  @UseGuards(WriteAccessGuard)
  create(@Body() body: CreateSubmissionDto): Promise<CreateSubmissionResponse> {
    return this.submissions.create(body);
  }
}

import { Injectable } from '@nestjs/common';
import type { EvidenceResponse } from '@taizhang/contracts';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { assertOwnDepartment } from '../auth/department-scope';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { EvidenceFileEntity } from './evidence-file.entity';
import { evidenceFilename, multipartFilename } from './evidence-name';
import { Transactions } from '../database/transactions';
import { SubmissionsRepository } from './submissions.repository';
import { EvidenceStorage, type StoredFile } from './evidence-storage';
import { submissionNotFound } from './submission-errors';

export type { EvidenceResponse };

/** An uploaded file as multer hands it over. */
export interface UploadedEvidence {
  originalname: string;
  buffer: Buffer;
}

/** A file whose type was judged by its bytes and which is on disk, not yet recorded against a submission. */
export interface CheckedEvidence {
  stored: StoredFile;
  filename: string;
}

@Injectable()
export class EvidenceService {
  constructor(
    private readonly transactions: Transactions,
    private readonly submissions: SubmissionsRepository,
    private readonly storage: EvidenceStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Attaches a file to the department's own submission; the type is read from the bytes. */
  async attach(user: CurrentUser, submissionId: number, file: UploadedEvidence | undefined): Promise<EvidenceResponse> {
    if (!file)
      throw new AppError('INVALID_INPUT', '请选择要上传的文件（字段 file）', 'Choose a file to upload (field "file")');
    const submission = await this.submissions.findById(submissionId);
    if (!submission) throw submissionNotFound(submissionId);
    assertOwnDepartment(user, submission.departmentId);
    const checked = await this.check(file);
    return this.transactions.run((m) => this.record(m, user, submissionId, checked));
  }

  /**
   * Judges the file by its bytes (refused with 415 before anything is recorded) and stores it under its checksum. A
   * file stored for a submission that is then refused stays on disk unreferenced: content-addressed, it is harmless.
   */
  async check(file: UploadedEvidence): Promise<CheckedEvidence> {
    const stored = await this.storage.store(file.buffer);
    return { stored, filename: evidenceFilename(multipartFilename(file.originalname), stored.mimeType, file.buffer) };
  }

  /** Records a checked file against a submission, with its audit row, inside the caller's transaction. */
  async record(
    m: EntityManager,
    user: CurrentUser,
    submissionId: number,
    { stored, filename }: CheckedEvidence,
  ): Promise<EvidenceResponse> {
    const row = await this.submissions.insertEvidenceFile(
      { submissionId, filename, ...stored, uploadedBy: user.id, createdAt: this.clock.now().toISOString() },
      m,
    );
    await this.audit.record(
      user,
      {
        kind: 'write',
        action: 'attach evidence',
        entity: 'evidence',
        entityId: row.id,
        after: { submissionId, filename, sha256: stored.sha256, size: stored.size },
      },
      m,
    );
    return toEvidenceResponse(row);
  }

  /** A file for download, for those allowed to see its submission. */
  async find(user: CurrentUser, id: number): Promise<{ file: EvidenceFileEntity; path: string }> {
    const file = await this.submissions.findEvidenceFile(id);
    if (!file) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的佐证材料`, `No evidence file with id ${id}`);
    const submission = (await this.submissions.findById(file.submissionId))!;
    assertOwnDepartment(user, submission.departmentId);
    // Files stored before names were checked against their type download under the checked name too.
    return {
      file: { ...file, filename: evidenceFilename(file.filename, file.mimeType) },
      path: this.storage.absolutePath(file.storagePath),
    };
  }
}

export function toEvidenceResponse(e: EvidenceFileEntity): EvidenceResponse {
  return {
    id: e.id,
    submissionId: e.submissionId,
    filename: e.filename,
    mimeType: e.mimeType,
    size: e.size,
    sha256: e.sha256,
    createdAt: e.createdAt,
  };
}

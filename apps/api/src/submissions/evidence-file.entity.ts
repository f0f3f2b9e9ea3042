import { Column, Entity } from 'typeorm';
import { StoredFileColumns } from '../database/stored-file.columns';

/** A file attached to a submission as evidence, stored on disk under its checksum. */
@Entity('evidence_files')
export class EvidenceFileEntity extends StoredFileColumns {
  @Column({ name: 'submission_id', type: 'integer' }) submissionId!: number;
}

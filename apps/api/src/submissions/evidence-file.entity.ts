import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A file attached to a submission as evidence, stored on disk under its checksum. */
@Entity('evidence_files')
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'submission_id', type: 'integer' }) submissionId!: number;
  @Column({ type: 'varchar' }) filename!: string;
  /** The type read from the file's content, not from its name. */
  @Column({ name: 'mime_type', type: 'varchar' }) mimeType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'varchar' }) sha256!: string;
  @Column({ name: 'storage_path', type: 'varchar' }) storagePath!: string;
  @Column({ name: 'uploaded_by', type: 'integer', nullable: true }) uploadedBy!: number | null;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}

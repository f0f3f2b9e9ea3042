import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The columns of a file kept on disk under its checksum (evidence, the file of a reply to a notice): each entity
 * that stores one extends this with the row it belongs to. No table of its own (concrete-table inheritance).
 */
export abstract class StoredFileColumns {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar' }) filename!: string;
  /** The type read from the file's content, not from its name. */
  @Column({ name: 'mime_type', type: 'varchar' }) mimeType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'varchar' }) sha256!: string;
  @Column({ name: 'storage_path', type: 'varchar' }) storagePath!: string;
  @Column({ name: 'uploaded_by', type: 'integer', nullable: true }) uploadedBy!: number | null;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}

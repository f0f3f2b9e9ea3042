import { Injectable } from '@nestjs/common';
import type { FlaggedSubmission, FlaggedSubmissionsResponse, FlagState } from '@taizhang/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { toFigure } from '../evaluation/evaluation.repository';
import { PlansRepository } from '../plans/plans.repository';
import { Transactions } from '../database/transactions';
import { acceptanceOf } from './submissions.service';
import { SubmissionsRepository } from './submissions.repository';
import { notLatestRevision, submissionNotFound } from './submission-errors';

// Awaiting a look first, then what was returned, accepted, and corrected since.
const ORDER: Record<FlagState, number> = { pending: 0, returned: 1, accepted: 2, superseded: 3 };

/** The leaders' list of figures that tripped a soft rule, and their acceptance (a return goes through the ordinary return). */
@Injectable()
export class FlaggedSubmissionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly plans: PlansRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(planId: number, period?: string): Promise<FlaggedSubmissionsResponse> {
    if (!(await this.plans.findById(planId)))
      throw new AppError('NOT_FOUND', `找不到编号为 ${planId} 的计划`, `No plan with id ${planId}`);
    const rows = await this.submissions.flagged(planId, period);
    const { explanations, flags, acceptances } = await this.submissions.flagsOf(rows.map((r) => r.id));
    const nameOf = await this.submissions.usernames();
    const items: FlaggedSubmission[] = rows.map((r) => {
      const acceptance = acceptanceOf(acceptances.get(r.id), nameOf);
      const state: FlagState =
        r.revision < r.latestRevision
          ? 'superseded'
          : r.returnComment !== null
            ? 'returned'
            : acceptance
              ? 'accepted'
              : 'pending';
      return {
        submissionId: r.id,
        metricId: r.metricId,
        metricCode: r.metricCode,
        metricName: r.metricName,
        metricNameEn: r.metricNameEn,
        unit: r.unit,
        departmentId: r.departmentId,
        departmentName: r.departmentName,
        period: r.periodKey,
        revision: r.revision,
        figure: toFigure(r, []),
        explanation: explanations.get(r.id) ?? null,
        flags: flags.get(r.id) ?? [],
        evidenceCount: r.evidenceCount,
        submittedBy: r.submittedBy ? (nameOf.get(r.submittedBy) ?? null) : null,
        createdAt: r.createdAt,
        state,
        acceptance,
        returnComment: r.returnComment,
      };
    });
    items.sort((a, b) => ORDER[a.state] - ORDER[b.state]);
    return { planId, period: period ?? null, items };
  }

  /** A leader accepts a flagged figure and its explanation: the latest revision, neither returned nor accepted yet; audited. */
  async accept(user: CurrentUser, submissionId: number, comment: string | undefined): Promise<{ accepted: true }> {
    await this.transactions.run(async (tx) => {
      const submission = await this.submissions.findById(submissionId, tx);
      if (!submission) throw submissionNotFound(submissionId);
      if (!(await this.submissions.isFlagged(submissionId, tx)))
        throw new AppError(
          'CONFLICT',
          '该版本未触发需说明的校验规则，无需接受',
          'This revision tripped no soft rule; there is nothing to accept',
        );
      const latest = await this.submissions.latestRevision(submission, tx);
      if (latest!.id !== submission.id)
        throw notLatestRevision(submission.revision, latest!.revision, { zh: '处理', en: 'accepted' });
      if (await this.submissions.isReturned(submissionId, tx))
        throw new AppError('CONFLICT', '该版本已被退回，等待更正', 'This revision was returned and awaits correction');
      if (await this.submissions.isAccepted(submissionId, tx))
        throw new AppError('CONFLICT', '该版本已被接受', 'This revision was already accepted');
      const text = comment?.trim() || null;
      await this.submissions.insertAcceptance(
        { submissionId, acceptedBy: user.id, comment: text, at: this.clock.now().toISOString() },
        tx,
      );
      await this.audit.record(
        user,
        {
          kind: 'write',
          action: 'accept flagged submission',
          entity: 'submission',
          entityId: submissionId,
          before: { state: 'pending' },
          after: { state: 'accepted', comment: text },
        },
        tx,
      );
    });
    return { accepted: true };
  }
}

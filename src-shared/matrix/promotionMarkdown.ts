// A promotion as Markdown: the record (who, when, plan, gates, outcome) for the change log, or the
// preview (the plan, the gates, the dry run's SQL) for a review before it runs.
import { formatMoment } from '../format/moment';
import { rehearsalOutcomeSentence } from '../model/rehearsalOutcome';
import { promotionGateTitles, promotionTargetLine, type PromotionGate, type PromotionPreview, type PromotionRecord } from '../model/promotion';

const gateMark: Record<PromotionGate['status'], string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  required: '⏳ asked when it runs',
  notNeeded: '➖ not needed',
};

function gateTable(gates: readonly PromotionGate[]): string[] {
  return [
    '| Gate | Result | Detail |',
    '| --- | --- | --- |',
    ...gates.map((g) => `| ${promotionGateTitles[g.name]} | ${gateMark[g.status]} | ${g.detail.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`),
  ];
}

const planLine = (plan: readonly string[]) => (plan.length === 0 ? 'nothing to apply' : plan.map((id) => `\`${id}\``).join(' → '));

export function promotionMarkdown(promotion: PromotionRecord | PromotionPreview, timeZone?: string): string {
  const lines = [`# Promotion of ${promotion.from} to ${promotion.to}: ${promotion.project}`, ''];
  if ('outcome' in promotion) {
    lines.push(`- **Outcome**: ${promotion.outcome}${promotion.reason ? `: ${promotion.reason}` : ''}`);
    lines.push(`- **By**: ${promotion.by}, ${formatMoment(promotion.at, timeZone)}`);
    if (promotion.approval) lines.push(`- **Approved by**: ${promotion.approval.by}: “${promotion.approval.note}” (typed in, not verified)`);
    lines.push(`- **Plan**: ${planLine(promotion.plan)}`, '', '## Gates', '', ...gateTable(promotion.gates), '', '## Connections', '');
    for (const t of promotion.targets) lines.push(`- ${promotionTargetLine(t)}${t.rehearsal ? `; rehearsal: ${rehearsalOutcomeSentence(t.rehearsal)}` : ''}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `Previewed ${formatMoment(promotion.previewedAt, timeZone)}. Plan: ${planLine(promotion.plan)}.`,
    '',
    '## Gates',
    '',
    ...gateTable(promotion.gates),
    '',
  );
  for (const t of promotion.targets) {
    lines.push(`## ${t.role === undefined ? '' : `${t.role} database: `}${t.profileName}`, '', `Applies ${planLine(t.toApply)}.`, '');
    if (t.sql.trim() !== '') lines.push('```sql', t.sql.trimEnd(), '```', '');
  }
  return `${lines.join('\n')}\n`;
}

import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { Severity } from '../../core/anomaly';
import type { Locale } from '../../core/i18n';
import { SEVERITY_NAMES } from './strings';

const COLOUR: Record<Severity, NonNullable<BadgeProps['color']>> = { notice: 'informative', warning: 'warning', critical: 'danger' };

/** 注意 / 警告 / 危急 with the colour the workbook marks use; the text, not the colour, carries the meaning. */
export function SeverityBadge({ severity, locale }: { severity: Severity; locale: Locale }) {
  return (
    <Badge shape="rounded" appearance={severity === 'critical' ? 'filled' : 'tint'} color={COLOUR[severity]}>
      {SEVERITY_NAMES[severity][locale]}
    </Badge>
  );
}

// docs/configuration.md, rendered from every service's config schema (the same schemas that
// validate the environment at start-up). `corepack pnpm run docs:config` rewrites it; a unit
// test fails when it drifts.
import { renderConfigTable } from '../packages/config/src';
import { contactConfigSchema } from '../services/contact/src/config';
import { gatewayConfigSchema } from '../services/gateway/src/config';
import { interactionConfigSchema } from '../services/interaction/src/config';
import { transactionConfigSchema } from '../services/transaction/src/config';
import { analyticsConfigSchema } from '../services/analytics/src/config';
import { marketingConfigSchema } from '../services/marketing/src/config';

const services = [
  { name: 'gateway', schema: gatewayConfigSchema },
  { name: 'contact', schema: contactConfigSchema },
  { name: 'interaction', schema: interactionConfigSchema },
  { name: 'transaction', schema: transactionConfigSchema },
  { name: 'analytics', schema: analyticsConfigSchema },
  { name: 'marketing', schema: marketingConfigSchema },
];

export function renderConfigurationDoc(): string {
  const parts = [
    '# Configuration',
    '',
    '<!-- Generated from services/*/src/config.ts by `corepack pnpm run docs:config`; do not edit. -->',
    '',
    'Every service reads its settings from the environment and validates all of them at',
    'start-up: a missing or invalid variable stops the process with a list of every problem.',
    'Secret values are never logged.',
    '',
  ];
  for (const service of services) {
    parts.push(`## ${service.name}`, '', renderConfigTable(service.schema), '');
  }
  return parts.join('\n');
}

// What the probes answer: the shapes health.routes.ts sends and the document describes.
import { z } from './zod';

export const HealthSchema = z
  .object({ status: z.literal('ok') })
  .openapi('Health', { description: 'The process answers.' });

export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    dependencies: z
      .record(z.string(), z.enum(['up', 'down']))
      .openapi({ description: 'Each dependency checked, by name (contact, mongo).' }),
    down: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Only when not ready: the dependencies that are down.' }),
  })
  .openapi('Readiness');

export type Health = z.input<typeof HealthSchema>;
export type Readiness = z.input<typeof ReadinessSchema>;

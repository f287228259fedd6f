// The interaction service's part of a subject access export (docs/privacy.md): every
// interaction the person took part in, deleted ones too, with their full text. Nothing held
// answers no section (never NOT_FOUND: only the contact service, the owner, says that).
import type { PersonalDataExporter } from '@kith/contact-lifecycle';
import type { InteractionRepository } from '../store/interaction.repository';

export function interactionExporter(
  interactions: Pick<InteractionRepository, 'ofParticipant'>,
): PersonalDataExporter {
  return async (tenantId, contactId) => {
    const held = await interactions.ofParticipant(tenantId, contactId);
    return held.length === 0 ? [] : [{ name: 'interactions', json: JSON.stringify(held) }];
  };
}

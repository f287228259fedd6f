// The interaction service's part of a subject access export (docs/privacy.md): every
// interaction the person took part in, deleted ones too, with their full text, and the
// campaign messages on their timeline. Nothing held answers no section (never NOT_FOUND: only
// the contact service, the owner, says that).
import type { PersonalDataExporter, PersonalDataSection } from '@kith/contact-lifecycle';
import type { InteractionRepository } from '../store/interaction.repository';
import type { TimelineMessages } from '../store/timeline-message.repository';

export function interactionExporter(
  interactions: Pick<InteractionRepository, 'ofParticipant'>,
  messages?: Pick<TimelineMessages, 'ofContact'>,
): PersonalDataExporter {
  return async (tenantId, contactId) => {
    const held = await interactions.ofParticipant(tenantId, contactId);
    const sent = messages ? await messages.ofContact(tenantId, contactId) : [];
    const sections: PersonalDataSection[] = [];
    if (held.length > 0) sections.push({ name: 'interactions', json: JSON.stringify(held) });
    if (sent.length > 0) sections.push({ name: 'campaignMessages', json: JSON.stringify(sent) });
    return sections;
  };
}

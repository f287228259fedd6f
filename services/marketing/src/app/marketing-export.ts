// The marketing service's part of a subject access export (docs/privacy.md), registered through
// @kith/contact-lifecycle's personalDataService: the person's marketing profile as projected
// here, and every campaign message sent to them (its stored copy). Nothing held: no sections.
import type { PersonalDataExporter, PersonalDataSection } from '@kith/contact-lifecycle';
import type { CampaignMessages } from '../store/campaign-message.repository';
import type { MarketingProfiles } from '../store/marketing-profile.repository';

export function marketingExporter(
  profiles: Pick<MarketingProfiles, 'get'>,
  messages: Pick<CampaignMessages, 'forContact'>,
): PersonalDataExporter {
  return async (tenantId, contactId) => {
    const [profile, sent] = await Promise.all([
      profiles.get(tenantId, contactId),
      messages.forContact(tenantId, contactId),
    ]);
    const sections: PersonalDataSection[] = [];
    if (profile && profile.status === 'active') {
      const { tenantId: _t, version: _v, ...held } = profile;
      sections.push({ name: 'marketingProfile', json: JSON.stringify(held) });
    }
    const copies = sent.filter((m) => m.state !== 'merged').map(({ tenantId: _t, ...m }) => m);
    if (copies.length > 0)
      sections.push({ name: 'campaignMessages', json: JSON.stringify(copies) });
    return sections;
  };
}

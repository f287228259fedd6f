// Fakes of the privacy contracts: a personal-data upstream that answers what it is told (or
// fails), and an erasure gateway that records its calls.
import * as grpc from '@grpc/grpc-js';
import type { privacyV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { UpstreamAnswer } from '../../src/domain/personal-data-export';
import type { PersonalDataUpstream } from '../../src/grpc/personal-data.client';
import type { DefinitionOf } from '../../src/modules/contact/contact.client';
import { fakeUpstream } from './fake-upstream';
import { grpcError } from './grpc-error';

export class FakePersonalDataUpstream implements PersonalDataUpstream {
  readonly calls: Array<{ contactId: string; ctx: RequestContext }> = [];

  constructor(
    readonly name: string,
    private readonly answer: (contactId: string) => UpstreamAnswer | Error,
  ) {}

  async export(contactId: string, ctx: RequestContext): Promise<UpstreamAnswer> {
    this.calls.push({ contactId, ctx });
    const answer = this.answer(contactId);
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

/** An upstream holding one JSON section per given name. */
export function upstreamWith(name: string, sections: Record<string, unknown>) {
  return new FakePersonalDataUpstream(name, () => ({
    service: name,
    generatedAt: '2026-11-23T10:00:00.000Z',
    sections: Object.entries(sections).map(([section, value]) => ({
      name: section,
      contentType: 'application/json',
      json: JSON.stringify(value),
    })),
  }));
}

export function failingUpstream(name: string, code = grpc.status.UNAVAILABLE) {
  return new FakePersonalDataUpstream(name, () => grpcError(code, `${name} is down`));
}

/** The erasure service: answers a fixed erased state, or fails with `failWith`. */
class ContactPrivacyRules {
  /** Set to make the next erase fail with this status. */
  failWith: grpc.status | undefined;

  async EraseContact(request: privacyV1.EraseContactRequest, _ctx: RequestContext) {
    if (this.failWith !== undefined) throw grpcError(this.failWith, 'refused');
    return {
      id: request.id ?? '',
      kind: 'person',
      version: '5',
      erasedAt: '2026-11-23T10:00:00.000Z',
      alreadyErased: false,
    };
  }
}

export function fakeEraser() {
  return fakeUpstream<DefinitionOf<'ContactPrivacyService'>, ContactPrivacyRules>(
    new ContactPrivacyRules(),
  );
}

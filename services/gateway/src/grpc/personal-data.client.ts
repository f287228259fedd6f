// PersonalDataService (kith.privacy.v1), served by every service that holds personal data:
// one named upstream per entry of the registry (PERSONAL_DATA_UPSTREAMS), for the GDPR export
// fan-out. Built on the generic upstreamClient; unit tests pass FakePersonalDataUpstream.
import { PERSONAL_DATA_PROTO, type PersonalDataProtoGrpcType } from '@kith/contracts';
import { loadProto } from '@kith/grpc-kit';
import type { UpstreamAnswer } from '../domain/personal-data-export';
import type { RequestContext, UpstreamOptions } from './upstream-call';
import { upstreamClient } from './upstream-client';

export interface PersonalDataUpstream {
  /** The key of its part in the export ("contact", "interaction"...). */
  readonly name: string;
  export(contactId: string, ctx: RequestContext): Promise<UpstreamAnswer>;
  close?(): void;
}

export function personalDataUpstream(
  name: string,
  upstream: UpstreamOptions,
): PersonalDataUpstream {
  const proto = loadProto(PERSONAL_DATA_PROTO) as unknown as PersonalDataProtoGrpcType;
  const client = upstreamClient(proto.kith.privacy.v1.PersonalDataService, upstream);
  return {
    name,
    async export(contactId, ctx) {
      const res = await client.ExportPersonalData({ contactId }, ctx);
      return { service: res.service, generatedAt: res.generatedAt, sections: res.sections };
    },
    close: () => client.close(),
  };
}

// A real gRPC client for ContactImportService, for integration tests: every call goes over
// the network with tenant metadata, as the gateway calls it.
import {
  CONTACT_IMPORT_PROTO,
  type ContactImportProtoGrpcType,
  type contactImportV1,
} from '@kith/contracts';
import { callUnary, createClient, loadProto } from '@kith/grpc-kit';

export interface ContactImportTestClient {
  /** A job of people with these rows; the row outcomes. */
  importPeople(
    tenantId: string,
    rows: contactImportV1.ImportRow[],
    onDuplicate?: contactImportV1.DuplicateAction,
  ): Promise<contactImportV1.ImportRowOutcome__Output[]>;
  close(): void;
}

export function contactImportTestClient(port: number): ContactImportTestClient {
  const proto = loadProto(CONTACT_IMPORT_PROTO) as unknown as ContactImportProtoGrpcType;
  const client = createClient<contactImportV1.ContactImportServiceClient>(
    proto.kith.contact.v1.ContactImportService,
    `127.0.0.1:${port}`,
  );
  const call = <Res>(method: string, tenantId: string, req: unknown) =>
    callUnary<Res>(client, method, req, { tenantId, userId: 'u-1', roles: [] });
  return {
    async importPeople(tenantId, rows, onDuplicate = 'DUPLICATE_ACTION_SKIP') {
      const started = await call<contactImportV1.StartContactImportResponse__Output>(
        'StartContactImport',
        tenantId,
        { kind: 'CONTACT_KIND_PERSON', onDuplicate },
      );
      const res = await call<contactImportV1.ImportContactRowsResponse__Output>(
        'ImportContactRows',
        tenantId,
        { jobId: started.job?.id, rows },
      );
      return res.outcomes;
    },
    close: () => client.close(),
  };
}

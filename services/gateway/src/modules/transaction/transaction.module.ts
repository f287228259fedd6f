// The transaction service's module: donations, their refunds and giving summaries, served by
// the transaction service process, as one list of declared operations.
import type { GatewayModule } from '../gateway-module';
import { donationOperations } from './donations.routes';
import type { TransactionModuleClient } from './transaction.client';

export function transactionModule({ client }: { client: TransactionModuleClient }): GatewayModule {
  return {
    name: 'transaction',
    operations: donationOperations(client.donations),
    close() {
      client.close?.();
    },
  };
}

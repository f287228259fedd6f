// zod with the `.openapi()` extension, so request validation and the OpenAPI document
// come from the same schema objects. Import `z` from here, never from 'zod', in schemas.
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };

/**
 * zod with `.openapi()` metadata (component names, examples, descriptions) for the
 * OpenAPI document built from these schemas (server/http/openapi.ts). Every protocol
 * file takes `z` from here, so the extension is installed before any schema is made.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };

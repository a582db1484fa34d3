/**
 * A copy of a schema whose every object rejects unknown keys, for tests that check a real
 * response against its schema: the protocol's response schemas accept extra fields (old
 * clients keep working when one is added), but a field the server sends must be declared.
 */
import { z } from 'zod';

/** `schema` with `.strict()` applied to every object inside it. Throws on a kind of schema it does not know. */
export function strictDeep(schema: z.ZodTypeAny): z.ZodTypeAny {
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.shape as z.ZodRawShape).map(([k, v]) => [k, strictDeep(v)]));
    return z.object(shape).strict();
  }
  if (schema instanceof z.ZodArray) return z.array(strictDeep(schema.element));
  if (schema instanceof z.ZodOptional) return strictDeep(schema.unwrap()).optional();
  if (schema instanceof z.ZodNullable) return strictDeep(schema.unwrap()).nullable();
  if (schema instanceof z.ZodRecord) return z.record(schema.keySchema, strictDeep(schema.valueSchema));
  if (schema instanceof z.ZodUnion) {
    const options = (schema.options as z.ZodTypeAny[]).map(strictDeep);
    return z.union(options as [z.ZodTypeAny, z.ZodTypeAny, ...z.ZodTypeAny[]]);
  }
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const options = [...(schema.options as z.AnyZodObject[])].map((o) => strictDeep(o) as z.AnyZodObject);
    return z.discriminatedUnion(schema.discriminator as string, options as [z.AnyZodObject, ...z.AnyZodObject[]]);
  }
  const leaves = [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodLiteral, z.ZodEnum, z.ZodUnknown, z.ZodAny, z.ZodNull];
  if (leaves.some((kind) => schema instanceof kind)) return schema;
  throw new Error(`strictDeep: unsupported schema ${schema.constructor.name}`);
}

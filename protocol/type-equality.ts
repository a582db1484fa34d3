/**
 * Compile-time checks that a protocol shape and the core or server type it mirrors are
 * the same type: `type _X = Assert<Same<A, B>>` fails `npm run typecheck` when they drift.
 */

/** True when A and B are the same type (each assignable to the other). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** True when A is assignable to B (what the server computes fits the shape it promises). */
export type Fits<A, B> = [A] extends [B] ? true : false;

/** Compiles only when T is `true`. */
export type Assert<T extends true> = T;

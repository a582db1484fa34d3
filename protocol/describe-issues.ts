/** The Vietnamese description of a request that failed its schema, for a 400 body. */
import type { ZodError } from 'zod';

/** The first problem of a failed parse, in Vietnamese. */
export function describeIssues(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '';
  if (issue.code === 'unrecognized_keys') return `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  // Messages written in Vietnamese in the schemas pass through; zod's English defaults get a generic Vietnamese one.
  const vietnamese = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i.test(issue.message);
  return `${where}${vietnamese ? issue.message : 'giá trị không hợp lệ'}.`;
}

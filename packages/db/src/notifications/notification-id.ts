/**
 * SQL for a notification's id, derived from (company, recipient, group key) rather than drawn
 * at random: a rebuild from the log gives every notification the id it had, so read marks can
 * be carried over by id. An md5 shaped as an RFC 4122 name-based UUID (version 3 and variant
 * bits set), which uuid validators accept.
 */
export function notificationIdSql(
  companyParam: string,
  recipient: string,
  groupKey: string,
): string {
  const hash = `md5(${companyParam}::text || ':' || ${recipient} || ':' || ${groupKey})`;
  return `overlay(overlay(${hash} placing '3' from 13) placing '8' from 17)::uuid`;
}

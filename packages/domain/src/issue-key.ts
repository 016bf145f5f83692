/** Whether `text` already opens with this issue key (so "ATL-12 ..." does not count as ATL-1). */
export const startsWithIssueKey = (text: string, issueKey: string): boolean =>
  text.startsWith(issueKey) && !/\d/.test(text.charAt(issueKey.length));

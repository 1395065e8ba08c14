/**
 * Query options for unmasked personal data. Every read is a view the server writes to the audit
 * log, and the numbers stay hidden until someone asks to see them. So a read is never repeated
 * behind the person's back (a window regaining focus), and nothing is kept once no component
 * shows it: shown again later, the data would otherwise be on screen at once, without a click
 * and without a record of that view.
 */
export const personalDataQuery = { staleTime: Infinity, gcTime: 0 } as const;

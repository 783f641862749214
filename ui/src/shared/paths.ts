/** Addresses of single records, for links and navigation after a save. */
export const toApprovalRequest = (id: string) => `/approvals/requests/${encodeURIComponent(id)}`;
export const toModel = (id: string) => `/inventory/models/${encodeURIComponent(id)}`;

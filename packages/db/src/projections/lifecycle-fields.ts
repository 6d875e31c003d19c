// Deactivation and reactivation look the same on every entity that has them.

export function deactivatedFields(payload: {
  deactivatedAt: string;
  deactivatedById: string;
  reason: string;
}) {
  return {
    isActive: false,
    deactivatedAt: payload.deactivatedAt,
    deactivatedById: payload.deactivatedById,
    deactivationReason: payload.reason,
  };
}

/** The row shows the current state; who deactivated it and why stays in the events. */
export const REACTIVATED_FIELDS = {
  isActive: true,
  deactivatedAt: null,
  deactivatedById: null,
  deactivationReason: null,
} as const;

/** Credential rotation schedules (azure-key-vault `client-secret` only). */
import type { RotationRequest } from "../../api/infisical-requests";
import type { StoredConnection, StoredRotation } from "../state";

export interface RotationView {
  readonly rotationInterval: number;
  readonly rotateAtUtc: { readonly hours: number; readonly minutes: number };
  readonly rotationStatus: "success";
  readonly lastRotationMessage: null;
  readonly nextRotationAt: string;
}

/** A schedule set now (on enabling, or on replacing the interval or time of day). */
export function newSchedule(request: RotationRequest, now: string): StoredRotation {
  return { rotationInterval: request.rotationInterval, rotateAtUtc: { ...request.rotateAtUtc }, lastRotatedAt: now };
}

/** `rotationInterval` days after the last rotation, at `rotateAtUtc` (UTC) on that day. */
export function nextRotationAt(rotation: StoredRotation): string {
  const next = new Date(rotation.lastRotatedAt);
  next.setUTCDate(next.getUTCDate() + rotation.rotationInterval);
  next.setUTCHours(rotation.rotateAtUtc.hours, rotation.rotateAtUtc.minutes, 0, 0);
  return next.toISOString();
}

export function rotationView(connection: StoredConnection): RotationView | null {
  const rotation = connection.rotation;
  if (!connection.isAutoRotationEnabled || rotation === null) return null;
  return {
    rotationInterval: rotation.rotationInterval,
    rotateAtUtc: { ...rotation.rotateAtUtc },
    rotationStatus: "success",
    lastRotationMessage: null,
    nextRotationAt: nextRotationAt(rotation),
  };
}

import type { MessageKey } from '../messages';

export interface StaffLink {
  name: string;
  to: string;
  label: MessageKey;
  roles: string[];
}

export const STAFF_LINKS: StaffLink[] = [
  { name: 'queue', to: '/staff', label: 'staffNav.queue', roles: ['caseworker', 'approver'] },
  { name: 'dashboard', to: '/staff/dashboard', label: 'staffNav.dashboard', roles: ['caseworker', 'approver'] },
  { name: 'monitoring', to: '/staff/monitoring', label: 'staffNav.monitoring', roles: ['caseworker'] },
  { name: 'monitoring-dashboard', to: '/staff/monitoring/dashboard', label: 'staffNav.monitoringDashboard', roles: ['caseworker', 'approver'] },
  { name: 'hotline', to: '/hotline', label: 'staffNav.hotline', roles: ['hotline'] },
  { name: 'audit', to: '/audit', label: 'staffNav.audit', roles: ['auditor'] },
];

/** The staff screens open to these roles, in menu order. */
export function staffLinks(roles: readonly string[]): StaffLink[] {
  return STAFF_LINKS.filter((l) => l.roles.some((r) => roles.includes(r)));
}

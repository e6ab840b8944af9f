import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import type { MessageKey } from './messages';
import HomeView from './views/HomeView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Heading of a placeholder page. */
    titleKey?: MessageKey;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  { path: '/calculator', name: 'calculator', component: () => import('./calculator/CalculatorView.vue') },
  { path: '/apply', name: 'apply', component: () => import('./apply/ApplyView.vue') },
  { path: '/applications', name: 'applications', component: () => import('./applications/ApplicationsView.vue') },
  { path: '/family', name: 'family', component: () => import('./family/FamilyView.vue') },
  // No login, and nothing personal in the address: the intake number and id digits are typed into the page.
  { path: '/status-query', name: 'status-query', component: () => import('./family/StatusQueryView.vue') },
  { path: '/inbox', name: 'inbox', component: () => import('./inbox/InboxView.vue') },
  { path: '/staff', name: 'staff', component: () => import('./staff/StaffQueueView.vue') },
  // The case id is an opaque UUID: no personal data in the address.
  // The chart library is only in this route's chunk: nobody else downloads it.
  { path: '/staff/dashboard', name: 'staff-dashboard', component: () => import('./dashboard/DashboardView.vue') },
  // Dynamic monitoring (政策找人): warning ids are opaque UUIDs; persons appear masked and never in the address.
  { path: '/staff/monitoring', name: 'monitoring', component: () => import('./monitoring/WarningQueueView.vue') },
  { path: '/staff/monitoring/import', name: 'monitoring-import', component: () => import('./monitoring/SignalImportView.vue') },
  { path: '/staff/monitoring/direct-grant', name: 'monitoring-grant', component: () => import('./monitoring/DirectGrantView.vue') },
  { path: '/staff/monitoring/dashboard', name: 'monitoring-dashboard', component: () => import('./monitoring/MonitoringDashboardView.vue') },
  {
    path: '/staff/monitoring/warnings/:warningId',
    name: 'monitoring-warning',
    component: () => import('./monitoring/WarningView.vue'),
    props: true,
  },
  { path: '/hotline', name: 'hotline', component: () => import('./hotline/HotlineView.vue') },
  { path: '/audit', name: 'audit', component: () => import('./audit/AuditView.vue') },
  { path: '/staff/cases/:caseId', name: 'staff-case', component: () => import('./staff/CaseView.vue'), props: true },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
];

/** History mode in the browser; tests pass a memory history. */
export function createAppRouter(history: RouterHistory = createWebHistory()) {
  return createRouter({
    history,
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });
}

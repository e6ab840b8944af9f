/** The merged document checklist of a draft or an intake, and how to send a file to it. */
import { api, uploadForm, type UploadHandle } from './api';
import type { LocalizedText } from './calculator/results';

export interface DocumentView {
  id: string;
  type: string;
  typeName: LocalizedText;
  memberId: string | null;
  status: string;
  contentType: string;
  size: number | null;
  rejectionReason: string | null;
  uploadedAt: string;
}

export interface DocumentRequest {
  id: string;
  caseId: string;
  memberId: string | null;
  reason: LocalizedText | null;
  requestedAt: string;
}

export interface ChecklistItem {
  type: string;
  name: LocalizedText;
  programs: string[];
  members: string[];
  required: boolean;
  status: 'MISSING' | 'UPLOADED' | 'ACCEPTED' | 'REJECTED';
  reason: string | null;
  requests: DocumentRequest[];
  documents: DocumentView[];
}

export interface Checklist {
  applicationId: string;
  documentCount: number;
  maxDocuments: number;
  items: ChecklistItem[];
}

/** A draft (before submission) or an intake (after). */
export type Holder = { kind: 'drafts' | 'intakes'; id: string };

function base(holder: Holder): string {
  return `/api/v1/${holder.kind}/${encodeURIComponent(holder.id)}`;
}

export function loadChecklist(holder: Holder): Promise<Checklist> {
  return api.get<Checklist>(`${base(holder)}/checklist`);
}

export function uploadDocument(
  holder: Holder,
  file: File,
  type: string,
  memberId: string | null,
  onProgress: (fraction: number) => void,
): UploadHandle<DocumentView> {
  const form = new FormData();
  form.append('type', type);
  if (memberId) form.append('memberId', memberId);
  form.append('file', file, file.name || 'photo.jpg');
  return uploadForm<DocumentView>(`${base(holder)}/documents`, form, onProgress);
}

/** A short-lived link to the bytes; staff open it in a new tab. */
export function downloadUrl(holder: Holder, documentId: string): Promise<{ url: string; expiresAt: string }> {
  return api.get(`${base(holder)}/documents/${encodeURIComponent(documentId)}/download-url`);
}

/** Items still to provide: required and missing or rejected, or asked for again. */
export function openItems(checklist: Checklist): ChecklistItem[] {
  return checklist.items.filter((i) => (i.required && (i.status === 'MISSING' || i.status === 'REJECTED')) || i.requests.length > 0);
}

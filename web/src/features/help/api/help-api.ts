import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HelpAudience, HelpPassagePart, HelpSearchHit, HelpTopic } from '@common/help.js';
import type { SupportDraftMessage } from '@common/support/draft.js';
import { api, post, put, uploadFile } from '@web/lib/api-client';
import { useInvalidatingMutation } from '@web/lib/mutations';

export interface ArticleSummary {
  slug: string;
  audience: HelpAudience;
  topic: HelpTopic;
  title: string;
  summary: string;
}

export interface PublicArticle extends ArticleSummary {
  html: string;
  version: number;
  publishedAt: string | null;
}

export interface StaffArticleRow {
  id: string;
  slug: string;
  audience: HelpAudience;
  topic: HelpTopic;
  title: string;
  hasDraft: boolean;
  publishedVersion: number | null;
  updatedAt: string;
}

export interface StaffArticle extends StaffArticleRow {
  summary: string;
  body: string;
  publishedAt: string | null;
}

export interface ArticleVersion {
  version: number;
  title: string;
  publishedAt: string;
}

export interface RegionContacts {
  regionId: number | null;
  regionName: string | null;
  contacts: { organisation: string; phone: string | null; email: string | null; hours: string | null } | null;
}

export interface BotAnswer {
  reply: string;
  articles: HelpSearchHit[];
  nudges: Array<{ text: string; slug: string }>;
  offerSupport: boolean;
  topic?: string;
}

export type { HelpPassagePart, HelpSearchHit };

const helpKey = ['help'] as const;
const staffHelpKey = ['staff-help'] as const;

export function useArticles() {
  return useQuery({ queryKey: [...helpKey, 'articles'], queryFn: () => api<{ articles: ArticleSummary[] }>('/help/articles'), select: (d) => d.articles, staleTime: 60_000 });
}

export function useArticle(slug: string) {
  return useQuery({ queryKey: [...helpKey, 'article', slug], queryFn: () => api<PublicArticle>(`/help/articles/${encodeURIComponent(slug)}`) });
}

export function useHelpSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: [...helpKey, 'search', query],
    queryFn: () => api<{ hits: HelpSearchHit[] }>(`/help/search?q=${encodeURIComponent(query)}`),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    select: (d) => d.hits,
  });
}

export function useContacts(regionId: number | null) {
  return useQuery({
    queryKey: [...helpKey, 'contacts', regionId],
    queryFn: () => api<RegionContacts>(regionId ? `/help/contacts?regionId=${regionId}` : '/help/contacts'),
  });
}

export function useSaveContacts() {
  return useInvalidatingMutation((body: unknown) => put<RegionContacts>('/help/contacts', body), [helpKey]);
}

export const askBot = (message: string, history: SupportDraftMessage[]) => post<BotAnswer>('/help/bot', { message, history });

export function useStaffArticles(filter: { q: string; status: '' | 'draft' | 'published' }) {
  const params = new URLSearchParams();
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.status) params.set('status', filter.status);
  return useQuery({
    queryKey: [...staffHelpKey, 'list', params.toString()],
    queryFn: () => api<{ articles: StaffArticleRow[] }>(`/staff/help/articles?${params.toString()}`),
    placeholderData: keepPreviousData,
    select: (d) => d.articles,
  });
}

export function useStaffArticle(id: string | undefined) {
  return useQuery({ queryKey: [...staffHelpKey, 'one', id], queryFn: () => api<StaffArticle>(`/staff/help/articles/${id}`), enabled: Boolean(id) });
}

export function useVersions(id: string | undefined) {
  return useQuery({
    queryKey: [...staffHelpKey, 'versions', id],
    queryFn: () => api<{ versions: ArticleVersion[] }>(`/staff/help/articles/${id}/versions`),
    enabled: Boolean(id),
    select: (d) => d.versions,
  });
}

export const versionHtml = (id: string, version: number) => api<{ html: string; title: string }>(`/staff/help/articles/${id}/versions/${version}`);

export function useCreateArticle() {
  return useInvalidatingMutation((body: unknown) => post<StaffArticle>('/staff/help/articles', body), [staffHelpKey]);
}

export function useSaveArticle(id: string) {
  return useInvalidatingMutation((body: unknown) => put<StaffArticle>(`/staff/help/articles/${id}`, body), [staffHelpKey]);
}

export function usePublishArticle(id: string) {
  return useInvalidatingMutation(() => post<StaffArticle>(`/staff/help/articles/${id}/publish`), [staffHelpKey, helpKey]);
}

export function useRestoreVersion(id: string) {
  return useInvalidatingMutation((version: number) => post<StaffArticle>(`/staff/help/articles/${id}/versions/${version}/restore`), [staffHelpKey]);
}

export const previewMarkdown = (body: string) => post<{ html: string }>('/staff/help/preview', { body });

export const uploadHelpImage = (file: File) => uploadFile<{ id: string; url: string; markdown: string }>('/staff/help/images', file);

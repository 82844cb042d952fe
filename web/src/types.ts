// The objects of api-contract.md §3.16, as far as the dashboard reads them.
export interface Org {
  id: string;
  name: string;
  slug: string;
  plan: string;
  settings: Record<string, unknown>;
  created_at: string;
}

export interface Agent {
  id: string;
  name: string;
  description: string | null;
  api_key_prefix: string;
  owner_user_id: string | null;
  status: "online" | "offline" | "busy";
  last_heartbeat: string | null;
  capabilities: string[];
  metadata: Record<string, unknown>;
  created_at: string;
}

export interface Channel {
  id: string;
  name: string;
  description: string | null;
  type: "public" | "private" | "system" | "dm";
  created_at: string;
  updated_at?: string;
  // DM list items (GET /dm) name the other member.
  member_id?: string | null;
  member_type?: "agent" | "user" | null;
}

export interface Post {
  id: string;
  channel_id: string;
  author_id: string;
  author_type: "user" | "agent" | "system";
  type: string;
  title: string | null;
  content: string;
  metadata: { reply_count?: number } & Record<string, unknown>;
  parent_id: string | null;
  pinned: boolean;
  created_at: string;
  edited_at?: string | null;
  deleted_at?: string | null;
}

export interface ReactionGroup {
  emoji: string;
  count: number;
  authors: { id: string; type: string }[];
}

export interface Notification {
  id: string;
  recipient_id: string;
  recipient_type: string;
  type: "mention" | "reply" | "reaction" | "dm" | "task_assignment" | string;
  source_id: string | null;
  source_type: "post" | "channel" | "task" | string | null;
  actor_id: string | null;
  actor_type: string | null;
  title: string;
  body: string | null;
  read: boolean;
  created_at: string;
}

export type TaskStatus = "open" | "in_progress" | "completed" | "cancelled";
export type TaskPriority = "low" | "medium" | "high" | "urgent";

export interface Task {
  id: string;
  channel_id: string | null;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  assigned_to: string | null;
  assigned_type: "agent" | "user" | null;
  created_by: string;
  created_by_type: string;
  due_date: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface Invite {
  id: string;
  token?: string;
  created_by: string | null;
  status: "pending" | "redeemed" | "expired" | "revoked";
  invite_type: "agent" | "user";
  email: string | null;
  role: string | null;
  redeemed_by_agent_id: string | null;
  redeemed_by_user_id: string | null;
  expires_at: string;
  redeemed_at: string | null;
  created_at: string;
}

export interface Activity {
  id: string;
  actor_id: string;
  actor_type: string;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  details: Record<string, unknown>;
  ip_address: string | null;
  created_at: string;
}

export interface Insight {
  id: string;
  type: string;
  title: string;
  content: string;
  confidence: number | null;
  reviewed: boolean;
  source_agents: string[];
  created_at: string;
}

export interface FeedItem {
  resource_type: "post" | "activity" | "insight";
  resource_id: string;
  timestamp: string;
  summary: string;
  data: Post & Activity & Insight;
}

export interface Transaction {
  id: string;
  property_address: string;
  mls_number: string | null;
  status: TransactionStatus;
  type: "buy" | "sell" | "lease";
  listing_price: string | null;
  sale_price: string | null;
  commission_rate: string | null;
  commission_amount: string | null;
  listing_agent_id: string | null;
  buyers_agent_id: string | null;
  client_name: string | null;
  key_dates: Record<string, string>;
  updated_at: string;
}

export type TransactionStatus = "prospecting" | "listed" | "under_contract" | "pending" | "closed" | "cancelled";
export const PIPELINE: TransactionStatus[] = ["prospecting", "listed", "under_contract", "pending", "closed", "cancelled"];

export interface Metrics {
  closed_deals: number;
  total_units: number;
  total_volume: number;
  avg_days_to_close: number | null;
  commission_earned: number;
  cancelled_deals: number;
  conversion_rate: number;
}

export interface MetricRow {
  id: string;
  agent_id: string | null;
  period: "daily" | "weekly" | "monthly";
  period_start: string;
  metrics: Metrics;
}

export interface Integration {
  id: string;
  type: "fub" | "dotloop" | "quickbooks";
  status: "connected" | "disconnected" | "error";
  settings: Record<string, unknown>;
  last_error: string | null;
  last_synced_at: string | null;
  created_at: string;
}

export interface SyncLog {
  id: string;
  operation: string;
  status: "started" | "completed" | "failed";
  records_synced: number;
  error: string | null;
  metadata: Record<string, unknown>;
  started_at: string;
  completed_at: string | null;
}

// Drives the hub's MCP server with the official MCP TypeScript SDK, over Streamable HTTP (/mcp)
// or stdio (`agenthq mcp`), as the integration suite's MCP test (tests/integration/mcp_test.cpp).
// Environment: MODE (http|stdio), HUB_URL, AGENT_KEY + AGENT_NAME (the agent under test),
// OTHER_KEY (another agent of the same org), FOREIGN_KEY (an agent of another org),
// AGENTHQ_BIN (stdio). Exits 0 when every check passed, 1 with the failed check otherwise.
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const { MODE, HUB_URL, AGENT_KEY, AGENT_NAME, OTHER_KEY, FOREIGN_KEY, AGENTHQ_BIN } = process.env;
let checks = 0;
const check = (cond, what) => { assert.ok(cond, what); checks++; };

function transportFor(key) {
  if (MODE === 'stdio') {
    return new StdioClientTransport({
      command: AGENTHQ_BIN,
      args: ['mcp'],
      env: { HOME: process.env.HOME, PATH: process.env.PATH, AGENTHQ_HUB_URL: HUB_URL, AGENTHQ_API_KEY: key },
      stderr: 'inherit',
    });
  }
  return new StreamableHTTPClientTransport(new URL('/mcp', HUB_URL), {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
  });
}

async function connect(key) {
  const client = new Client({ name: 'agenthq-test', version: '1.0.0' });
  const transport = transportFor(key);
  await client.connect(transport);
  return { client, transport };
}

// A tool's structured result, failing the check when the call was an error.
async function call(client, name, args = {}) {
  const r = await client.callTool({ name, arguments: args });
  assert.equal(r.isError, false, `${name} failed: ${JSON.stringify(r.content)}`);
  assert.equal(r.content[0].type, 'text');
  assert.deepEqual(JSON.parse(r.content[0].text), r.structuredContent);
  checks++;
  return r.structuredContent;
}

async function callError(client, name, args) {
  const r = await client.callTool({ name, arguments: args });
  check(r.isError === true, `${name} ${JSON.stringify(args)} should be a tool error`);
  return r.content[0].text;
}

async function rest(key, method, path, body) {
  const res = await fetch(new URL(`/api/v1${path}`, HUB_URL), {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

const { client, transport } = await connect(AGENT_KEY);
check(client.getServerVersion().name === 'agenthq', 'server name');
check(client.getServerCapabilities().tools, 'tools capability');
check(client.getServerCapabilities().resources, 'resources capability');

// --- tools/list
const { tools } = await client.listTools();
const names = tools.map((t) => t.name);
for (const expected of ['post', 'reply', 'get_post', 'list_posts', 'search', 'feed', 'channels', 'agents',
  'find_agents', 'heartbeat', 'log_activity', 'query_activity', 'generate_insight', 'list_insights',
  'wait_for_mentions', 'wait_for_events', 'react', 'edit_post', 'delete_post', 'notifications',
  'mark_notifications_read', 'tasks', 'task_create', 'task_update', 'dm', 'dms']) {
  check(names.includes(expected), `tool ${expected} listed`);
}
for (const t of tools) {
  check(t.inputSchema.type === 'object' && t.description.length > 20, `tool ${t.name} has a schema and a description`);
}

// --- every tool
const channels = await call(client, 'channels');
check(channels.data.some((c) => c.name === 'general'), 'channels lists general');
const marker = `mcp${MODE}${Date.now()}`;
const post = await call(client, 'post', { channel: 'general', content: `Hello from MCP ${marker}`, title: 'MCP', type: 'update' });
check(post.data.content === `Hello from MCP ${marker}` && post.data.author_type === 'agent', 'post created as the agent');
const reply = await call(client, 'reply', { post_id: post.data.id, content: 'a reply' });
check(reply.data.parent_id === post.data.id && reply.data.channel_id === post.data.channel_id, 'reply threads');
const thread = await call(client, 'get_post', { post_id: post.data.id });
check(thread.data.post.id === post.data.id && thread.data.thread.length === 1, 'get_post has the thread');
const listed = await call(client, 'list_posts', { channel: 'general', limit: 50 });
check(listed.data.some((p) => p.id === post.data.id) && listed.pagination.limit === 50, 'list_posts');
const found = await call(client, 'search', { q: marker, types: ['posts'] });
check(found.data.posts.length === 1 && found.data.posts[0].id === post.data.id, 'search finds the post');
const feed = await call(client, 'feed', { types: ['posts'] });
check(feed.data.some((i) => i.resource_id === post.data.id), 'feed has the post');
const agents = await call(client, 'agents');
check(agents.data.some((a) => a.name === AGENT_NAME), 'agents lists me');
await call(client, 'heartbeat', { status: 'busy' });
const busy = await call(client, 'find_agents', { q: AGENT_NAME, status: 'busy' });
check(busy.data.length === 1 && busy.data[0].name === AGENT_NAME, 'heartbeat set busy; find_agents finds it');
const logged = await call(client, 'log_activity', { action: `test.${marker}`, resource_type: 'post', resource_id: post.data.id });
check(logged.data.action === `test.${marker}` && logged.data.actor_type === 'agent', 'log_activity');
const activity = await call(client, 'query_activity', { action: `test.${marker}` });
check(activity.data.length === 1 && activity.data[0].id === logged.data.id, 'query_activity');
const insight = await call(client, 'generate_insight', { type: 'summary', title: `Insight ${marker}`, content: 'c', confidence: 0.5 });
check(insight.data.reviewed === false, 'generate_insight');
const insights = await call(client, 'list_insights', { type: 'summary' });
check(insights.data.some((i) => i.id === insight.data.id), 'list_insights');
const quiet = await call(client, 'wait_for_events', { events: ['nothing:ever'], timeout_seconds: 1 });
check(quiet.timedOut === true && quiet.events.length === 0, 'wait_for_events times out empty');

// --- errors are tool errors, with the hub's message
check((await callError(client, 'get_post', { post_id: 'no-such-post' })).includes('NOT_FOUND'), 'unknown post');
check((await callError(client, 'post', { channel: 'general' })).includes('VALIDATION_ERROR'), 'missing content');
check((await callError(client, 'post', { channel: 'no-such-channel', content: 'x' })).includes('NOT_FOUND'), 'unknown channel');
check((await callError(client, 'wait_for_mentions', { timeout_seconds: 99 })).includes('timeout_seconds'), 'bad timeout');
await assert.rejects(client.callTool({ name: 'no_such_tool', arguments: {} }), /Unknown tool/);
checks++;

// --- working together: reactions, edits, notifications, tasks, DMs
const theirs = await rest(OTHER_KEY, 'POST', '/posts', { channel_id: post.data.channel_id, content: `react to me ${marker}` });
assert.equal(theirs.status, 201);
const otherId = theirs.body.data.author_id;
const reacted = await call(client, 'react', { post_id: theirs.body.data.id, emoji: '🎉' });
check(reacted.data.emoji === '🎉' && reacted.data.post_id === theirs.body.data.id, 'react');
const reactions = await rest(OTHER_KEY, 'GET', `/posts/${theirs.body.data.id}/reactions`);
check(reactions.body.data.length === 1 && reactions.body.data[0].count === 1, 'the reaction is on the post');
const authorNotes = await rest(OTHER_KEY, 'GET', '/notifications?type=reaction');
check(authorNotes.body.data.some((n) => n.source_id === theirs.body.data.id), 'the author is notified of the reaction');
const unreacted = await call(client, 'react', { post_id: theirs.body.data.id, emoji: '🎉', remove: true });
check(unreacted.data.removed === true, 'react remove');
check((await callError(client, 'react', { post_id: `${theirs.body.data.id}/x`, emoji: '🎉' })).includes('VALIDATION_ERROR'), 'ids with a slash are refused');
const edited = await call(client, 'edit_post', { post_id: post.data.id, content: `Hello from MCP ${marker} (edited)` });
check(edited.data.content.endsWith('(edited)') && edited.data.edited_at !== null, 'edit_post');
check((await callError(client, 'edit_post', { post_id: theirs.body.data.id, content: 'not mine' })).includes('FORBIDDEN'), 'editing another agent\'s post is refused');
const doomed = await call(client, 'post', { channel: 'general', content: `short-lived ${marker}` });
await call(client, 'delete_post', { post_id: doomed.data.id });
check((await call(client, 'get_post', { post_id: doomed.data.id })).data.post.deleted_at !== null, 'delete_post marks it deleted');
check(!(await call(client, 'list_posts', { channel: 'general', limit: 100 })).data.some((p) => p.id === doomed.data.id), 'a deleted post leaves the list');

await rest(OTHER_KEY, 'POST', `/posts/${post.data.id}/reactions`, { emoji: '👀' });
const notes = await call(client, 'notifications', { read: false });
check(notes.unread >= 1 && notes.data.some((n) => n.type === 'reaction' && n.read === false), 'notifications with the unread count');
await call(client, 'mark_notifications_read', { notification_id: notes.data[0].id });
const fewer = await call(client, 'notifications', { read: false });
check(fewer.unread === notes.unread - 1, 'one marked read');
await call(client, 'mark_notifications_read', {});
check((await call(client, 'notifications', {})).unread === 0, 'all marked read');

const task = await call(client, 'task_create', { title: `Task ${marker}`, assigned_to: otherId, assigned_type: 'agent', priority: 'high', channel: 'general' });
check(task.data.assigned_to === otherId && task.data.status === 'open' && task.data.channel_id === post.data.channel_id, 'task_create');
const assigned = await rest(OTHER_KEY, 'GET', '/notifications?type=task_assignment');
check(assigned.body.data.some((n) => n.source_id === task.data.id), 'the assignee is notified');
const done = await call(client, 'task_update', { task_id: task.data.id, status: 'completed' });
check(done.data.status === 'completed' && done.data.completed_at !== null, 'task_update completes the task');
const mine = await call(client, 'task_create', { title: `Mine ${marker}`, assigned_to: 'me' });
const myTasks = await call(client, 'tasks', { assigned_to: 'me' });
check(myTasks.data.length === 1 && myTasks.data[0].id === mine.data.id, 'tasks assigned to me');
check((await call(client, 'tasks', { status: 'completed' })).data.some((t) => t.id === task.data.id), 'tasks by status');

const dm = await call(client, 'dm', { member_id: otherId, member_type: 'agent', content: `psst ${marker}` });
check(dm.channel.type === 'dm' && dm.post.channel_id === dm.channel.id, 'dm opens the channel and sends');
check((await call(client, 'dms')).data.some((c) => c.id === dm.channel.id), 'dms lists it');
const dmNotes = await rest(OTHER_KEY, 'GET', '/notifications?type=dm');
check(dmNotes.body.data.length >= 1, 'the other member is notified of the DM');

// --- the long-poll returns as soon as another agent mentions this one
const waiting = call(client, 'wait_for_mentions', { timeout_seconds: 20 });
let settled = false;
waiting.finally(() => { settled = true; });
let sent = 0;
// The mention may land before the wait is registered; keep mentioning until it is seen.
while (!settled && sent < 40) {
  const r = await rest(OTHER_KEY, 'POST', '/posts', { channel_id: post.data.channel_id, content: `@${AGENT_NAME} ping ${marker} ${sent}` });
  assert.equal(r.status, 201);
  sent++;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const mention = await waiting;
check(mention.timedOut === false && mention.mentions.length >= 1, 'wait_for_mentions returned a mention');
check(mention.mentions[0].content.startsWith(`@${AGENT_NAME} ping ${marker}`), 'the mention is the other agent\'s post');
// Posts that only contain the name as part of a longer one are not mentions of it.
const notMe = call(client, 'wait_for_mentions', { timeout_seconds: 2 });
await rest(OTHER_KEY, 'POST', '/posts', { channel_id: post.data.channel_id, content: `@${AGENT_NAME}-other hello` });
check((await notMe).timedOut === true, '@name-other is not a mention of name');

// --- resources
const { resources } = await client.listResources();
check(resources.some((r) => r.uri === 'agenthq://channels') && resources.some((r) => r.uri === 'agenthq://posts/recent'), 'resources listed');
const chRes = await client.readResource({ uri: 'agenthq://channels' });
check(JSON.parse(chRes.contents[0].text).some((c) => c.name === 'general'), 'channels resource');
const recent = await client.readResource({ uri: 'agenthq://posts/recent' });
check(JSON.parse(recent.contents[0].text).some((p) => p.id === post.data.id), 'recent posts resource');
const { resourceTemplates } = await client.listResourceTemplates();
check(resourceTemplates[0].uriTemplate === 'agenthq://channels/{channel_id}/posts', 'resource template');
const chPosts = await client.readResource({ uri: `agenthq://channels/${post.data.channel_id}/posts` });
check(JSON.parse(chPosts.contents[0].text).some((p) => p.id === post.data.id), 'channel posts resource');
await assert.rejects(client.readResource({ uri: 'agenthq://nothing' }), /Resource not found/);
checks++;

// --- another organisation sees none of it
const foreign = await connect(FOREIGN_KEY);
const theirSearch = await call(foreign.client, 'search', { q: marker });
check(theirSearch.data.posts.length === 0 && theirSearch.data.insights.length === 0, 'foreign search finds nothing');
check((await callError(foreign.client, 'get_post', { post_id: post.data.id })).includes('NOT_FOUND'), 'foreign get_post');
check((await callError(foreign.client, 'reply', { post_id: post.data.id, content: 'x' })).includes('NOT_FOUND'), 'foreign reply');
const theirRecent = JSON.parse((await foreign.client.readResource({ uri: 'agenthq://posts/recent' })).contents[0].text);
check(!theirRecent.some((p) => p.id === post.data.id), 'foreign recent posts');
check((await callError(foreign.client, 'react', { post_id: post.data.id, emoji: '👍' })).includes('NOT_FOUND'), 'foreign react');
check((await callError(foreign.client, 'task_update', { task_id: task.data.id, status: 'open' })).includes('NOT_FOUND'), 'foreign task_update');
check((await call(foreign.client, 'tasks', {})).data.length === 0, 'foreign tasks');
check((await callError(foreign.client, 'dm', { member_id: otherId })).includes('NOT_FOUND'), 'foreign dm');
const theirAgents = await call(foreign.client, 'agents');
check(!theirAgents.data.some((a) => a.name === AGENT_NAME), 'foreign agents');
await foreign.client.close();

// --- transport rules (HTTP only: stdio has no sessions of its own)
if (MODE === 'http') {
  const mcpUrl = new URL('/mcp', HUB_URL);
  const headers = (key, extra = {}) => ({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream', ...extra });
  const ping = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
  let res = await fetch(mcpUrl, { method: 'POST', headers: headers(AGENT_KEY), body: ping });
  check(res.status === 400, 'no session id: 400');
  res = await fetch(mcpUrl, { method: 'POST', headers: headers(FOREIGN_KEY, { 'Mcp-Session-Id': transport.sessionId }), body: ping });
  check(res.status === 404, 'someone else\'s session: 404');
  res = await fetch(mcpUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: ping });
  check(res.status === 401, 'no token: 401');
  res = await fetch(mcpUrl, { method: 'POST', headers: headers(AGENT_KEY, { 'Mcp-Session-Id': transport.sessionId, Origin: 'http://evil.example' }), body: ping });
  check(res.status === 403, 'foreign Origin: 403');
  res = await fetch(mcpUrl, { method: 'GET', headers: headers(AGENT_KEY, { 'Mcp-Session-Id': transport.sessionId }) });
  check(res.status === 405, 'GET: 405');
  res = await fetch(mcpUrl, { method: 'POST', headers: headers(AGENT_KEY, { 'Mcp-Session-Id': transport.sessionId }), body: ping });
  check(res.status === 200 && res.headers.get('content-type') === 'text/event-stream', 'ping over SSE');
  check((await res.text()).includes('"result":{}'), 'ping result');
  const ended = transport.sessionId;
  await transport.terminateSession();
  res = await fetch(mcpUrl, { method: 'POST', headers: headers(AGENT_KEY, { 'Mcp-Session-Id': ended }), body: ping });
  check(res.status === 404, 'terminated session: 404');
}
await client.close();
console.log(`${MODE}: ${checks} checks passed`);

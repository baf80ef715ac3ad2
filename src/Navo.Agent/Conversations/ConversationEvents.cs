using Navo.Agent.Tools;
using Navo.Tools;

namespace Navo.Agent.Conversations;

/// <summary>A conversation began; <paramref name="ProjectId"/> when it was started for a site (the studio's per-site chat).</summary>
public sealed record ConversationStarted(string Channel, Actor By, Guid? ProjectId = null);

/// <summary>A message from the user; <c>MessageId</c> is the channel's (or client's) id: a retry with it is answered from the record.</summary>
public sealed record UserMessageReceived(string MessageId, string Text, Guid? ProjectId, string? SectionId, Actor By);

public sealed record ToolCallRequested(string MessageId, string CallId, string Name, string Arguments);

/// <summary>A tool call's outcome: <c>ok</c>, <c>error</c> (a plain sentence went back) or <c>refused</c> (the role does not allow it).</summary>
public sealed record ToolCallCompleted(string MessageId, string CallId, string Name, ToolStatus Status, double Milliseconds, string Result);

public sealed record ApprovalRequested(string MessageId, string ApprovalId, string Name, string Arguments, string Question);

public sealed record ApprovalGiven(string MessageId, string ApprovalId);

public sealed record ApprovalDeclined(string MessageId, string ApprovalId, string Reason);

/// <summary>The conversation no longer works on a project: it was deleted (in this conversation or another).</summary>
public sealed record ProjectLeft(string MessageId, Guid ProjectId);

public sealed record AssistantReplied(string MessageId, AgentReply Reply, Guid? ProjectId, long? Version, string? EditedSectionId);

namespace EcoPark.Application.Common;

/// <summary>The record does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller may see the record but not do this to it.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Someone else saved the record first; the caller should reload and redo the change.</summary>
public sealed class ConflictException(string message) : Exception(message);

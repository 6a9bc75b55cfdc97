namespace EcoPark.Domain.Common;

/// <summary>Who the park service centre calls about a factory.</summary>
public sealed record ContactPerson
{
    public ContactPerson(string name, string phone, string email)
    {
        Name = string.IsNullOrWhiteSpace(name)
            ? throw new DomainException("contactName", "required", "The contact person's name is required.")
            : name.Trim();
        Phone = phone?.Trim() ?? string.Empty;
        Email = email?.Trim() ?? string.Empty;
    }

    public string Name { get; }

    public string Phone { get; }

    public string Email { get; }
}

using EcoPark.Domain.Common;

namespace EcoPark.Domain.Reporting;

/// <summary>
/// An administrator's switch that makes one park's figures for one closed year public. Without it nothing of the park's year is
/// shown anonymously; (park, year) is unique.
/// </summary>
public sealed class ParkPublication
{
    private ParkPublication()
    {
    }

    public ParkPublication(Guid id, Guid parkId, int year, Guid? publishedBy, DateTimeOffset publishedAt, DateOnly today)
    {
        if (!new ReportPeriod(year, null).HasEndedBy(today) || year < 1900)
        {
            throw new DomainException("year", "publication-year", "Only a closed year can be published.");
        }

        Id = id;
        ParkId = parkId;
        Year = year;
        PublishedBy = publishedBy;
        PublishedAt = publishedAt;
    }

    public Guid Id { get; private set; }

    public Guid ParkId { get; private set; }

    public int Year { get; private set; }

    public Guid? PublishedBy { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }
}

namespace FichesSite.Content;

public enum ReviewState
{
    Ok,
    DueSoon,
    Overdue,
}

/// <summary>
/// Where a sheet stands in its review cycle on a given day: one rule, used by the build's messages
/// and by the review report, so that both always agree.
/// </summary>
/// <param name="DaysLeft">Days until <c>next_review</c>; negative once it has passed.</param>
public sealed record ReviewStatus(ReviewState State, int DaysLeft)
{
    /// <summary>A review due within this many days is announced, so that the team can plan it.</summary>
    public const int SoonDays = 60;

    public static ReviewStatus Of(DateOnly nextReview, DateOnly today)
    {
        var daysLeft = nextReview.DayNumber - today.DayNumber;
        var state = daysLeft < 0 ? ReviewState.Overdue : daysLeft <= SoonDays ? ReviewState.DueSoon : ReviewState.Ok;
        return new ReviewStatus(state, daysLeft);
    }

    /// <summary>The word the report uses, in French for the editorial team.</summary>
    public string Label => State switch
    {
        ReviewState.Overdue => "dépassée",
        ReviewState.DueSoon => "bientôt",
        _ => "ok",
    };
}

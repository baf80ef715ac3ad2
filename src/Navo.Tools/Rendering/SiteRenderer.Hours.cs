using System.Text;
using Navo.Tools.Sites;

namespace Navo.Tools.Rendering;

public static partial class SiteRenderer
{
    /// <summary>
    /// Opening hours as a table a screen reader reads row by row: each row's days are its header, times are
    /// <c>&lt;time&gt;</c> elements, and a closed day says so in words. The note follows the table.
    /// </summary>
    private static void AppendHours(StringBuilder html, Section section, string headingId)
    {
        Heading(html, headingId, section.Field("title"));
        if (section.Items.Count > 0)
        {
            html.Append("<table class=\"hours\" aria-labelledby=\"").Append(E(headingId)).Append("\"><tbody>");
            foreach (var row in section.Items)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(row.Field("days"))).Append("</th><td>");
                if (row.Field("text").Length > 0)
                {
                    html.Append(E(row.Field("text")));
                }
                else
                {
                    Time(html, row.Field("opens"));
                    html.Append('–');
                    Time(html, row.Field("closes"));
                }

                html.Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        Paragraph(html, section.Field("note"), "muted");
    }

    private static void Time(StringBuilder html, string value)
    {
        if (OpeningHours.IsTime(value))
        {
            html.Append("<time datetime=\"").Append(value).Append("\">").Append(value).Append("</time>");
        }
        else
        {
            html.Append(E(value));
        }
    }
}

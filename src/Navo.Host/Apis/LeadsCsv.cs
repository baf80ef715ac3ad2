using System.Globalization;
using System.Text;
using CsvHelper;
using Navo.Tools.Publish;

namespace Navo.Host.Apis;

/// <summary>Leads as CSV for a spreadsheet, with cells that could run as formulas defused.</summary>
public static class LeadsCsv
{
    public static byte[] Write(IReadOnlyList<Lead> leads)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteRecord(["received", "name", "email", "message"]);
            foreach (var lead in leads)
            {
                csv.WriteRecord([lead.CreatedAt.ToString("u", CultureInfo.InvariantCulture), Defuse(lead.Name), Defuse(lead.Email), Defuse(lead.Message)]);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A cell starting with = + - @ would be a formula in a spreadsheet: prefix it with an apostrophe.</summary>
    private static string Defuse(string value) => value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
}

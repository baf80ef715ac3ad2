using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Navo.Host.Tests.Support;
using Navo.Testing;
using YamlDotNet.Serialization;

namespace Navo.Host.Tests;

/// <summary>
/// The files under <c>deploy/</c>, read as Docker, Compose and Kubernetes would read them (there is no container engine
/// here): the probes ask routes the host answers, the ports agree with the port the image gives the host, the entry
/// point is the host's assembly, and no secret is written in any of them.
/// </summary>
public sealed partial class DeploymentFilesTests(NavoHostFactory host) : IClassFixture<NavoHostFactory>
{
    private static readonly string Deploy = Path.Combine(RepositoryRoot.Path, "deploy");

    [Fact]
    public void The_image_builds_the_host_with_the_sdk_and_runs_its_dll_as_a_non_root_user_with_a_health_check()
    {
        var image = Dockerfile.Read(Path.Combine(Deploy, "Dockerfile"));

        image.Stages.Should().HaveCount(2);
        image.Stages[0].From.Should().Be("mcr.microsoft.com/dotnet/sdk:10.0 AS build");
        image.Stages[1].From.Should().StartWith("mcr.microsoft.com/dotnet/aspnet:10.0");
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Build.props")).Should().Contain("<TargetFramework>net10.0</TargetFramework>",
            "the images' .NET version is the one the code targets");

        var build = image.Stages[0];
        build.All("RUN").Should().Contain(run => run.Contains("dotnet publish src/Navo.Host/Navo.Host.csproj"));
        File.Exists(Path.Combine(RepositoryRoot.Path, "src", "Navo.Host", "Navo.Host.csproj")).Should().BeTrue();
        foreach (var copy in build.All("COPY"))
        {
            foreach (var source in copy.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            {
                Path.Exists(Path.Combine(RepositoryRoot.Path, source)).Should().BeTrue($"the build copies {source} from the repository");
            }
        }

        var runtime = image.Stages[1];
        JsonSerializer.Deserialize<string[]>(runtime.Last("ENTRYPOINT")).Should().Equal(["dotnet", "Navo.Host.dll"]);
        typeof(Program).Assembly.GetName().Name.Should().Be("Navo.Host", "the entry point names the host's assembly");
        runtime.All("COPY").Should().Contain(copy => copy.StartsWith("--from=build /app", StringComparison.Ordinal));

        var user = runtime.Last("USER");
        user.Should().NotBeNullOrWhiteSpace().And.NotBe("root").And.NotBe("0");
        runtime.Instructions.FindLastIndex(i => i.Keyword == "USER").Should().BeLessThan(runtime.Instructions.FindIndex(i => i.Keyword == "ENTRYPOINT"));

        var port = ImagePort(image);
        runtime.Last("EXPOSE").Should().Be(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        runtime.Last("HEALTHCHECK").Should().Contain($"http://127.0.0.1:{port}/health");
        runtime.Last("ENV").Should().Contain("ASPNETCORE_ENVIRONMENT=Production").And.Contain("Navo__DataPath=/data");
    }

    [Fact]
    public void Compose_runs_navo_on_its_postgresql_migrated_first_on_the_images_port_with_no_secret_written_in()
    {
        var compose = Yaml(Path.Combine(Deploy, "compose.yaml"));
        var services = Map(compose["services"]);
        services.Keys.Should().BeEquivalentTo(new object[] { "postgres", "migrate", "navo" });

        var navo = Map(services["navo"]);
        var environment = Map(navo["environment"]);
        var connection = (string)environment["ConnectionStrings__Navo"];
        connection.Should().Contain("Host=postgres").And.Contain("Database=navo");
        environment["Navo__DataPath"].Should().Be("/data");
        List(navo["volumes"]).Should().Contain("navo-data:/data");
        List(navo["ports"]).Should().Equal($"8080:{ImagePort(Dockerfile.Read(Path.Combine(Deploy, "Dockerfile")))}");
        Map(Map(navo["depends_on"])["migrate"])["condition"].Should().Be("service_completed_successfully");
        Map(Map(navo["depends_on"])["postgres"])["condition"].Should().Be("service_healthy");

        var migrate = Map(services["migrate"]);
        List(migrate["command"]).Should().Equal("migrate");
        var build = Map(migrate["build"]);
        File.Exists(Path.Combine(Deploy, (string)build["context"], (string)build["dockerfile"])).Should().BeTrue();

        var postgres = Map(services["postgres"]);
        List(postgres["volumes"]).Should().ContainSingle(v => ((string)v).EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));
        Map(compose["volumes"]).Keys.Should().BeEquivalentTo(new object[] { "postgres-data", "navo-data" });

        foreach (var (name, service) in services)
        {
            foreach (var (key, value) in Map(Map(service).GetValueOrDefault("environment") ?? new Dictionary<object, object>()))
            {
                NoSecretWrittenIn((string)key, (string)value, $"compose service {name}");
            }
        }
    }

    [Fact]
    public void Kubernetes_probes_ports_and_references_agree_and_secrets_come_only_from_a_secret()
    {
        var folder = Path.Combine(Deploy, "kubernetes");
        var documents = Directory.GetFiles(folder, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .ToDictionary(f => (string)Yaml(f)["kind"], Yaml);
        documents.Keys.Should().BeEquivalentTo(
            "Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "PersistentVolumeClaim");
        List(Yaml(Path.Combine(folder, "kustomization.yaml"))["resources"]).Cast<string>().Should().BeEquivalentTo(
            Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml"));

        var deployment = documents["Deployment"];
        var podLabels = Map(Map(Map(Map(deployment["spec"])["template"])["metadata"])["labels"]);
        var pod = Map(Map(Map(deployment["spec"])["template"])["spec"]);
        Map(pod["securityContext"])["runAsNonRoot"].Should().Be("true");
        var container = Map(List(pod["containers"]).Single());
        var ports = List(container["ports"]).Select(Map).ToList();
        ports.Should().ContainSingle(p => (string)p["name"] == "http" && (string)p["containerPort"] == ImagePort(Dockerfile.Read(Path.Combine(Deploy, "Dockerfile"))).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            var get = Map(Map(container[probe])["httpGet"]);
            ProbePaths().Should().Contain((string)get["path"]);
            get["port"].Should().Be("http");
        }

        Map(Map(container["readinessProbe"])["httpGet"])["path"].Should().Be("/health", "a host whose database does not answer takes no traffic");
        Map(Map(container["livenessProbe"])["httpGet"])["path"].Should().Be("/health/live", "a database outage must not get every host restarted");
        List(pod["initContainers"]).Select(Map).Should().ContainSingle(c => List(c["args"]).Cast<string>().SequenceEqual(new[] { "migrate" }));

        foreach (var each in List(pod["containers"]).Concat(List(pod["initContainers"])).Select(Map))
        {
            foreach (var variable in List(each["env"]).Select(Map))
            {
                if (Sensitive((string)variable["name"]))
                {
                    variable.Should().NotContainKey("value", $"{variable["name"]} comes from a Secret");
                    Map(Map(variable["valueFrom"])["secretKeyRef"])["name"].Should().Be("navo");
                }
            }
        }

        var service = documents["Service"];
        Map(Map(service["spec"])["selector"]).Should().BeEquivalentTo(podLabels);
        List(Map(service["spec"])["ports"]).Select(Map).Should().ContainSingle(p => (string)p["targetPort"] == "http" && (string)p["name"] == "http");

        var backends = List(Map(documents["Ingress"]["spec"])["rules"]).Select(Map)
            .SelectMany(r => List(Map(r["http"])["paths"]).Select(p => Map(Map(Map(p)["backend"])["service"]))).ToList();
        backends.Should().NotBeEmpty().And.OnlyContain(b => (string)b["name"] == "navo" && (string)Map(b["port"])["name"] == "http");
        Map(List(Map(documents["Ingress"]["spec"])["tls"]).Select(Map).Single()).Should().ContainKey("secretName");

        Map(Map(documents["HorizontalPodAutoscaler"]["spec"])["scaleTargetRef"])["name"].Should().Be("navo");
        int.Parse((string)Map(documents["HorizontalPodAutoscaler"]["spec"])["minReplicas"], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(2);
        Map(Map(Map(documents["PodDisruptionBudget"]["spec"])["selector"])["matchLabels"]).Should().BeEquivalentTo(podLabels);
        var volume = List(pod["volumes"]).Select(Map).Single();
        Map(volume["persistentVolumeClaim"])["claimName"].Should().Be(Map(documents["PersistentVolumeClaim"]["metadata"])["name"]);

        foreach (var file in Directory.GetFiles(folder))
        {
            // What kubectl reads: comments may show how to make the Secret.
            var manifest = string.Join('\n', File.ReadAllLines(file).Where(line => !line.TrimStart().StartsWith('#')));
            manifest.Should().NotContainAny(["kind: Secret", "Password=", "stringData:"], $"{Path.GetFileName(file)} holds no secret");
        }
    }

    [Fact]
    public async Task Every_probe_and_health_check_asks_a_route_the_host_answers()
    {
        using var client = host.CreateClient();
        foreach (var path in ProbePaths())
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path} is a real route of the host");
            (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
        }
    }

    /// <summary>Every path a probe or health check in deploy/ asks.</summary>
    private static List<string> ProbePaths()
    {
        var paths = new List<string>();
        var deployment = Yaml(Path.Combine(Deploy, "kubernetes", "deployment.yaml"));
        var container = Map(List(Map(Map(Map(deployment["spec"])["template"])["spec"])["containers"]).Single());
        paths.AddRange(new[] { "readinessProbe", "livenessProbe", "startupProbe" }.Select(p => (string)Map(Map(container[p])["httpGet"])["path"]));
        var check = Dockerfile.Read(Path.Combine(Deploy, "Dockerfile")).Stages[^1].Last("HEALTHCHECK");
        paths.Add(HealthCheckUrl().Match(check).Groups["path"].Value);
        return paths.Distinct().ToList();
    }

    private static int ImagePort(Dockerfile image)
    {
        var match = HttpPorts().Match(image.Stages[^1].Last("ENV"));
        match.Success.Should().BeTrue("the image says which port the host listens on");
        return int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A password, secret or key is a <c>${…}</c> reference filled in from outside, never a value.</summary>
    private static void NoSecretWrittenIn(string name, string value, string where)
    {
        if (name.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
        {
            var password = ConnectionPassword().Match(value);
            password.Success.Should().BeTrue($"{where}: {name} names its password");
            password.Groups["value"].Value.Should().MatchRegex(@"^\$\{[A-Z_]+(:[?-].*)?\}$", $"{where}: {name}'s password is a reference");
        }
        else if (Sensitive(name))
        {
            value.Should().MatchRegex(@"^\$\{[A-Z_]+(:[?-][^}]*)?\}$", $"{where}: {name} is a reference, not a value");
        }
    }

    private static bool Sensitive(string name) =>
        name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || name.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Key", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ConnectionStrings__", StringComparison.Ordinal);

    private static Dictionary<object, object> Yaml(string file) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(file));

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    private static List<object> List(object node) => (List<object>)node;

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(?<port>\d+)")]
    private static partial Regex HttpPorts();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+(?<path>/[^\s|]*)")]
    private static partial Regex HealthCheckUrl();

    [GeneratedRegex(@"Password=(?<value>\$\{[^}]*\}|[^;""]*)")]
    private static partial Regex ConnectionPassword();

    /// <summary>A Dockerfile's stages and instructions (continued lines joined, comments dropped): enough to check what it says.</summary>
    private sealed record Dockerfile(List<Stage> Stages)
    {
        public static Dockerfile Read(string path)
        {
            var stages = new List<Stage>();
            var logical = new List<string>();
            var pending = string.Empty;
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.StartsWith('#') || line.Length == 0)
                {
                    continue;
                }

                if (line.EndsWith('\\'))
                {
                    pending += line[..^1].TrimEnd() + " ";
                    continue;
                }

                logical.Add(pending + line);
                pending = string.Empty;
            }

            foreach (var line in logical)
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var keyword = line[..space].ToUpperInvariant();
                var argument = line[(space + 1)..].Trim();
                if (keyword == "FROM")
                {
                    stages.Add(new Stage(argument, []));
                }
                else
                {
                    stages.Should().NotBeEmpty("every instruction comes after a FROM");
                    stages[^1].Instructions.Add((keyword, argument));
                }
            }

            return new Dockerfile(stages);
        }
    }

    private sealed record Stage(string From, List<(string Keyword, string Argument)> Instructions)
    {
        public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Argument);

        public string Last(string keyword) => All(keyword).LastOrDefault() ?? throw new InvalidOperationException($"No {keyword} in the stage from {From}.");
    }
}

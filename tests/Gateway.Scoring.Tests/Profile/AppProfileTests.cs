using System.Text;
using Gateway.Scoring.Content;
using Gateway.Scoring.Profile;

namespace Gateway.Scoring.Tests.Profile;

public sealed class AppProfileTests
{
    private const string Form = "application/x-www-form-urlencoded";

    /// <summary>A small shop: a search page with free text, an order form with a code, a quantity,
    /// an e-mail address and a fixed button, each seen often enough to be trusted.</summary>
    private static AppProfile Shop()
    {
        var learner = new AppProfileLearner();
        var random = new Random(7);
        string[] words = ["green", "tea", "teapot", "o'brien", "blend", "mugs", "earl", "grey", "matcha", "kettle", "2-cup", "gift/set"];
        string[] endings = ["", "?", "!", " (new)", ", please", "..."];
        for (var i = 0; i < 400; i++)
        {
            // Free text: a few words and an ending, so most searches have a shape of their own.
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => words[random.Next(words.Length)]));
            var q = Uri.EscapeDataString(text + endings[random.Next(endings.Length)] + " " + random.Next(1000));
            learner.Add(Get($"/shop/search?q={q}&page={random.Next(1, 9)}"));
            var email = Uri.EscapeDataString($"user{random.Next(100000)}@mail{random.Next(50)}.example");
            learner.Add(Post("/shop/order", $"code=SKU-{random.Next(10000)}&qty={random.Next(1, 20)}&email={email}&submit=Buy"));
        }
        return learner.Build("shop", minObservations: 20);
    }

    /// <summary>No finding, and an opinion on every part of the request: the profile vouches for it.</summary>
    private static void AssertVouched(ProfileVerdict verdict) => Assert.Equal(new ProfileVerdict(0, null, Vouched: true), verdict);

    private static RequestContent Get(string target) => new("GET", target, ReadOnlyMemory<byte>.Empty, null);

    private static RequestContent Post(string path, string body, string contentType = Form) =>
        new("POST", path, Encoding.UTF8.GetBytes(body), contentType);

    [Theory]
    [InlineData("/shop/search?q=matcha+tea+12&page=3")]
    [InlineData("/shop/search?q=o%27brien+blend%3F+7&page=1")]
    public void Check_RequestLikeTheLearnedOnes_VouchesForIt(string target) =>
        AssertVouched(Shop().Check(Get(target)));

    [Fact]
    public void Check_OrderLikeTheLearnedOnes_VouchesForIt() =>
        AssertVouched(Shop().Check(Post("/shop/order", "code=SKU-4411&qty=3&email=user51234%40mail31.example&submit=Buy")));

    [Fact]
    public void Check_ParameterTheApplicationNeverReceived_IsFlagged()
    {
        var verdict = Shop().Check(Get("/shop/search?q=tea&page=1&debug=1"));
        Assert.Equal(ProfileReasons.UnknownParameter, verdict.Reason);
        Assert.Equal(ProfileReasons.UnknownParameterRisk, verdict.Risk);
    }

    [Fact]
    public void Check_QuoteInAFieldThatNeverHeldOne_IsFlagged()
    {
        var verdict = Shop().Check(Post("/shop/order", "code=SKU-1%27--&qty=1&email=a%40b.example&submit=Buy"));
        Assert.Equal(ProfileReasons.UnexpectedCharacter, verdict.Reason);
    }

    [Fact]
    public void Check_ValueOutsideAClosedSet_IsFlagged()
    {
        var verdict = Shop().Check(Post("/shop/order", "code=SKU-1234&qty=1&email=user51234%40mail31.example&submit=Delete"));
        Assert.Equal(ProfileReasons.UnknownValue, verdict.Reason);
    }

    [Fact]
    public void Check_EmailWithTwoAtSigns_IsAnUnexpectedShape()
    {
        var verdict = Shop().Check(Post("/shop/order", "code=SKU-1&qty=1&email=a%40b%40c.example&submit=Buy"));
        Assert.Equal(ProfileReasons.UnexpectedShape, verdict.Reason);
    }

    /// <summary>A national id: always eight digits and a letter. Letters and digits in another order or
    /// count have the same coarse shape but not the same format.</summary>
    private static AppProfile Registry()
    {
        var learner = new AppProfileLearner();
        var random = new Random(11);
        for (var i = 0; i < 600; i++)
        {
            var id = random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) + (char)('A' + random.Next(26));
            learner.Add(Post("/registry/add", $"id={id}&postcode={random.Next(10000, 99999)}"));
        }
        return learner.Build("registry", minObservations: 20);
    }

    [Theory]
    [InlineData("BB77365731X")]
    [InlineData("11335BB469B")]
    [InlineData("123456789012L")]
    [InlineData("1234567L")]
    public void Check_MalformedFixedFormatValue_IsAnUnexpectedShape(string id)
    {
        var verdict = Registry().Check(Post("/registry/add", $"id={id}&postcode=28001"));
        Assert.Equal(ProfileReasons.UnexpectedShape, verdict.Reason);
    }

    /// <summary>E-mail addresses too varied for a closed set of shapes, but every one has exactly one '@'.</summary>
    private static AppProfile Newsletter()
    {
        var learner = new AppProfileLearner();
        var random = new Random(5);
        string[] separators = ["", ".", "-", "_", "+"];
        for (var i = 0; i < 500; i++)
        {
            var local = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(
                part => (part == 0 ? "" : separators[random.Next(separators.Length)]) + new string((char)('a' + random.Next(26)), random.Next(1, 6))));
            var domain = string.Join('.', Enumerable.Range(0, random.Next(2, 5)).Select(_ => new string((char)('a' + random.Next(26)), random.Next(2, 7))));
            learner.Add(Post("/news/subscribe", "email=" + Uri.EscapeDataString(local + random.Next(100) + "@" + domain)));
        }
        return learner.Build("news", minObservations: 20);
    }

    [Theory]
    [InlineData("ann%40x%40mail.example")]
    [InlineData("ann%40%40mail.example")]
    public void Check_SeparatorTheFieldAlwaysHeldOnceAppearingTwice_IsAnUnexpectedShape(string email)
    {
        var profile = Newsletter();
        Assert.Null(profile.Paths["/news/subscribe"].Fields["email"].Shapes);
        Assert.Equal(ProfileReasons.UnexpectedShape, profile.Check(Post("/news/subscribe", "email=" + email)).Reason);
    }

    [Fact]
    public void Check_NewButWellFormedAddress_VouchesForIt() =>
        AssertVouched(Newsletter().Check(Post("/news/subscribe", "email=zed.q-7%40post.example.org")));

    [Fact]
    public void Check_WellFormedFixedFormatValue_VouchesForIt() =>
        AssertVouched(Registry().Check(Post("/registry/add", "id=87654321Z&postcode=28001")));

    [Fact]
    public void Check_MuchLongerValueThanEverSeen_IsFlagged()
    {
        var verdict = Shop().Check(Get("/shop/search?q=" + new string('a', 300) + "&page=1"));
        Assert.Equal(ProfileReasons.TooLong, verdict.Reason);
    }

    [Fact]
    public void Check_MethodNeverSeenOnThePath_IsFlagged()
    {
        var verdict = Shop().Check(new RequestContent("PUT", "/shop/order", Encoding.UTF8.GetBytes("code=SKU-1&qty=1&email=a%40b.example&submit=Buy"), Form));
        Assert.Equal(ProfileReasons.UnknownMethod, verdict.Reason);
    }

    [Fact]
    public void Check_MethodNeverSeenOnThePath_WeighsLikeAnUnknownParameter() =>
        Assert.Equal(ProfileReasons.UnknownParameterRisk, Shop().Check(new RequestContent("DELETE", "/shop/search?q=tea&page=1", ReadOnlyMemory<byte>.Empty, null)).Risk);

    [Fact]
    public void Check_HeadOfAPageOnlyEverFetchedWithGet_IsVouchedLikeTheGet() =>
        AssertVouched(Shop().Check(new RequestContent("HEAD", "/shop/search?q=matcha+tea+12&page=3", ReadOnlyMemory<byte>.Empty, null)));

    [Fact]
    public void Check_HeadOfAPageOnlyEverPosted_IsAnUnknownMethod() =>
        Assert.Equal(ProfileReasons.UnknownMethod, Shop().Check(new RequestContent("HEAD", "/shop/order", ReadOnlyMemory<byte>.Empty, null)).Reason);

    /// <summary>A price seen with 1, 3 and 4 digits (never 2), and a postal code always of 5.</summary>
    private static AppProfile Checkout()
    {
        var learner = new AppProfileLearner();
        var random = new Random(3);
        (int From, int To)[] ranges = [(1, 10), (100, 1000), (1000, 10000)];
        for (var i = 0; i < 600; i++)
        {
            var (from, to) = ranges[random.Next(ranges.Length)];
            learner.Add(Post("/checkout/pay", $"price={random.Next(from, to)}&postcode={random.Next(10000, 99999)}"));
        }
        return learner.Build("checkout", minObservations: 20);
    }

    [Fact]
    public void Profile_NumberSeenWithSeveralLengths_KeepsItsFormatsButChecksNone()
    {
        var fields = Checkout().Paths["/checkout/pay"].Fields;
        Assert.Equal(["91", "93", "94"], fields["price"].Formats!.Order());
        Assert.Null(fields["price"].CheckedFormats);
        Assert.Equal(["95"], fields["postcode"].CheckedFormats!);
    }

    [Fact]
    public void Check_QuantityOfALengthBetweenThoseSeen_VouchesForIt() =>
        AssertVouched(Checkout().Check(Post("/checkout/pay", "price=79&postcode=28001")));

    [Theory]
    [InlineData("price=79&postcode=2800")]
    [InlineData("price=79&postcode=280011")]
    public void Check_CodeOfAnotherLength_IsStillAnUnexpectedShape(string body) =>
        Assert.Equal(ProfileReasons.UnexpectedShape, Checkout().Check(Post("/checkout/pay", body)).Reason);

    [Fact]
    public void Check_LettersInAQuantity_AreStillFlagged() =>
        Assert.Equal(ProfileReasons.UnexpectedCharacter, Checkout().Check(Post("/checkout/pay", "price=79a&postcode=28001")).Reason);

    /// <summary>Generated passwords: a word with one leading mark out of several, or a word with a '$'
    /// inside; and a code that is always two words joined by a hyphen, though '.' occurs elsewhere in it.</summary>
    private static AppProfile Signup()
    {
        var learner = new AppProfileLearner();
        var random = new Random(9);
        string[] marks = ["!", "*", "-", "_"];
        for (var i = 0; i < 800; i++)
        {
            var word = new string((char)('a' + random.Next(26)), random.Next(4, 30));
            var password = i % 2 == 0 ? marks[i / 2 % marks.Length] + word : word + "$" + random.Next(100);
            var code = i % 4 == 0 ? $"v{random.Next(9)}.{random.Next(9)}.{random.Next(9)}" : $"{word}-{random.Next(1000)}";
            learner.Add(Post("/signup/new", $"password={Uri.EscapeDataString(password)}&code={Uri.EscapeDataString(code)}"));
        }
        return learner.Build("signup", minObservations: 20);
    }

    [Fact]
    public void Check_NewShapeWhereTheFieldShowedVariedPunctuation_VouchesForIt()
    {
        var profile = Signup();
        Assert.DoesNotContain("$a", (IReadOnlySet<string>)profile.Paths["/signup/new"].Fields["password"].Shapes!);
        AssertVouched(profile.Check(Post("/signup/new", "password=%24secret&code=tea-12")));
    }

    [Fact]
    public void Check_NewShapeWithPunctuationOnlyEverSeenInOnePattern_IsAnUnexpectedShape() =>
        // "a.a" has the skeleton of "a-a", but that place only ever held a hyphen.
        Assert.Equal(ProfileReasons.UnexpectedShape, Signup().Check(Post("/signup/new", "password=%21abc&code=tea.12")).Reason);

    [Fact]
    public void Check_NewShapeWithACharacterTheFieldNeverHeld_IsStillFlagged() =>
        Assert.Equal(ProfileReasons.UnexpectedCharacter, Signup().Check(Post("/signup/new", "password=%27abc&code=tea-12")).Reason);

    [Fact]
    public void Check_UnknownPageUnderTheApplicationsPrefix_IsFlaggedMildly()
    {
        var verdict = Shop().Check(Get("/shop/order.bak"));
        Assert.Equal(ProfileReasons.UnknownPath, verdict.Reason);
        Assert.True(verdict.Risk < ProfileReasons.UnknownParameterRisk);
    }

    [Theory]
    [InlineData("/blog/post?id=1%27+or+1=1")]
    [InlineData("/")]
    [InlineData("/api/users?debug=1")]
    public void Check_AnotherApplicationsRequest_IsNotJudged(string target) =>
        Assert.Equal(ProfileVerdict.None, Shop().Check(Get(target)));

    [Fact]
    public void Check_FreeTextField_KeepsNoClosedSetOfShapesOrValues()
    {
        // 400 different search texts: a new one is the normal case, so no closed set may be learned.
        var field = Shop().Paths["/shop/search"].Fields["q"];
        Assert.Null(field.Values);
        Assert.Null(field.Shapes);
    }

    [Fact]
    public void Learner_RareValues_DoNotCloseAField()
    {
        var learner = new AppProfileLearner();
        for (var i = 0; i < 100; i++)
        {
            // Mostly two values, but three seen once: new values are not rare enough to refuse one.
            var mode = i switch { 10 => "x1", 20 => "x2", 30 => "x3", _ => i % 2 == 0 ? "list" : "grid" };
            learner.Add(Get($"/catalog?mode={mode}"));
        }
        Assert.Null(learner.Build("c", 20).Paths["/catalog"].Fields["mode"].Values);
    }

    [Fact]
    public void Learner_FieldsBelowTheMinimum_AreNotJudged()
    {
        var learner = new AppProfileLearner();
        for (var i = 0; i < 5; i++)
        {
            learner.Add(Get("/rare?x=1"));
        }
        for (var i = 0; i < 50; i++)
        {
            learner.Add(Get("/often?y=2"));
        }
        var profile = learner.Build("r", minObservations: 20);
        Assert.Equal(ProfileVerdict.None, profile.Check(Get("/rare?x=%27%3B--&z=1")));
        Assert.Equal(ProfileReasons.UnknownParameter, profile.Check(Get("/often?y=2&z=1")).Reason);
    }

    [Fact]
    public void Check_JsonBody_FieldsAreCheckedLikeFormFields()
    {
        var learner = new AppProfileLearner();
        for (var i = 0; i < 60; i++)
        {
            learner.Add(Post("/api/cart", $$"""{"sku": "TEA-{{i}}", "qty": {{i % 5}}}""", "application/json"));
        }
        var profile = learner.Build("api", 20);
        AssertVouched(profile.Check(Post("/api/cart", """{"sku": "TEA-9"}""", "application/json")));
        Assert.Equal(ProfileReasons.UnexpectedCharacter,
            profile.Check(Post("/api/cart", """{"sku": "TEA-9' OR '1'='1"}""", "application/json")).Reason);
        Assert.Equal(ProfileReasons.UnknownParameter,
            profile.Check(Post("/api/cart", """{"sku": "TEA-9", "isAdmin": "true"}""", "application/json")).Reason);
    }

    [Fact]
    public void Check_FindingAnywhere_IsNeverVouched()
    {
        var verdict = Shop().Check(Get("/shop/search?q=tea&page=1&debug=1"));
        Assert.NotNull(verdict.Reason);
        Assert.False(verdict.Vouched);
    }

    [Fact]
    public void Check_FieldSeenTooRarelyToTrust_LeavesTheRequestUnvouched()
    {
        var learner = new AppProfileLearner();
        for (var i = 0; i < 50; i++)
        {
            // A coupon on one order in ten: five observations, too few to say what a coupon looks like.
            learner.Add(Get(i % 10 == 0 ? $"/cart?item={i}&coupon=SAVE{i}" : $"/cart?item={i}"));
        }
        var profile = learner.Build("cart", minObservations: 20);
        AssertVouched(profile.Check(Get("/cart?item=7")));
        var withCoupon = profile.Check(Get("/cart?item=7&coupon=%27%3B--"));
        Assert.Null(withCoupon.Reason);
        Assert.False(withCoupon.Vouched);
    }

    [Fact]
    public void Check_MethodNeverSeenOnThePath_IsNotVouched() =>
        Assert.False(Shop().Check(new RequestContent("PUT", "/shop/order", ReadOnlyMemory<byte>.Empty, null)).Vouched);

    [Theory]
    [InlineData("application/xml", "<order><code>SKU-1</code></order>")]
    [InlineData("text/plain", "code=SKU-1")]
    [InlineData("application/json", """["SKU-1", "'; DROP TABLE t--"]""")]
    [InlineData("application/json", """{"code": "SKU-4411", "qty": ["1", "'; DROP TABLE t--"]}""")]
    public void Check_ContentTheProfileCannotSplitIntoFields_IsNotVouched(string contentType, string body)
    {
        var verdict = Shop().Check(Post("/shop/order", body, contentType));
        Assert.Null(verdict.Reason);
        Assert.False(verdict.Vouched);
    }

    [Theory]
    [InlineData("/blog/post?id=1")]
    [InlineData("/")]
    public void Check_AnotherApplicationsRequest_IsNotVouched(string target) =>
        Assert.False(Shop().Check(Get(target)).Vouched);
}

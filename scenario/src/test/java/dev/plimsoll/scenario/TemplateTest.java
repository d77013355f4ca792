package dev.plimsoll.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.testing.TestContext;
import dev.plimsoll.scenario.driver.Template;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TemplateTest {

  private static final Template.Scope SCOPE = new Template.Scope(
      Map.of("tenant", "acme", "token", "anonymous"),
      Set.of("token", "orderId"),
      Map.of("users", List.of("name", "password")),
      Map.of("HOST", "example.org"));

  private final AtomicLong sequence = new AtomicLong();
  private final TestContext context = new TestContext(7, 1);

  private String render(String text) {
    return Template.compile(text, SCOPE).render(context, sequence::incrementAndGet);
  }

  @Test
  void textWithoutExpressions_isConstantAndReturnedAsIs() {
    Template t = Template.compile("/orders?x=1", SCOPE);
    assertThat(t.isConstant()).isTrue();
    assertThat(t.render(context, sequence::incrementAndGet)).isSameAs(t.render(context, sequence::incrementAndGet));
  }

  @Test
  void renderedAfterAPrefix_asIfJoinedAfterwards() {
    Template items = Template.compile("/items/${seq}?t=${tenant}&u=${userId}", SCOPE);
    assertThat(items.render("http://h:1", context, sequence::incrementAndGet)).isEqualTo("http://h:1/items/1?t=acme&u=7");
    assertThat(items.render("", context, sequence::incrementAndGet)).isEqualTo("/items/2?t=acme&u=7");
    assertThat(Template.compile("/orders", SCOPE).render("http://h", null, null)).isEqualTo("http://h/orders");
  }

  @Test
  void variablesAndEnvironment_areResolvedWhenCompiled() {
    Template t = Template.compile("https://${env.HOST}/${tenant}/x", SCOPE);
    assertThat(t.isConstant()).isTrue();
    assertThat(t.render(null, null)).isEqualTo("https://example.org/acme/x");
  }

  @Test
  void sequenceCountsFromOne_sharedByEveryTemplate() {
    assertThat(render("a${seq}")).isEqualTo("a1");
    assertThat(render("b${seq()}-${seq}")).isEqualTo("b2-3");
  }

  @Test
  void randomIntStaysWithinItsBounds_inclusive() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      seen.add(render("${randomInt(1,3)}"));
    }
    assertThat(seen).containsExactlyInAnyOrder("1", "2", "3");
    assertThat(render("${ randomInt(-2, -2) }")).isEqualTo("-2");
  }

  @Test
  void randomValuesComeFromTheContextsSeededRandom() {
    String a = Template.compile("${uuid} ${randomInt(1,1000000)}", SCOPE).render(new TestContext(0, 5), () -> 0);
    String b = Template.compile("${uuid} ${randomInt(1,1000000)}", SCOPE).render(new TestContext(0, 5), () -> 0);
    assertThat(a).isEqualTo(b);
    UUID uuid = UUID.fromString(a.split(" ")[0]);
    assertThat(uuid.version()).isEqualTo(4);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void userIdAndIteration() {
    context.iteration(3);
    assertThat(render("${userId}/${iteration}")).isEqualTo("7/3");
  }

  @Test
  void extractedValues_replaceTheVariableOfTheSameName() {
    assertThat(render("Bearer ${token}")).isEqualTo("Bearer anonymous");
    context.state().put("token", "abc");
    assertThat(render("Bearer ${token}")).isEqualTo("Bearer abc");
  }

  @Test
  void anExtractedValueUsedBeforeItIsSet_failsTheCall() {
    assertThatThrownBy(() -> render("/orders/${orderId}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("${orderId} has no value yet (no request of this user has extracted it)");
  }

  @Test
  void feederColumnsReadTheUsersCurrentRecord() {
    context.state().put("users", Map.of("name", "ann", "password", "p\"w"));
    assertThat(render("{\"user\":\"${users.name}\",\"pass\":\"${users.password}\"}"))
        .isEqualTo("{\"user\":\"ann\",\"pass\":\"p\"w\"}");
    assertThat(Template.compile("${users.name}", SCOPE).feeders()).containsExactly("users");
  }

  @Test
  void dollarDollarBrace_isALiteral() {
    assertThat(render("$${tenant} costs $5 and ${tenant}")).isEqualTo("${tenant} costs $5 and acme");
    assertThat(Template.literal("${x}").render(null, null)).isEqualTo("${x}");
  }

  @Test
  void compileErrorsNameTheExpression() {
    assertThatThrownBy(() -> Template.compile("/a/${tenant", SCOPE))
        .hasMessage("'${' at position 4 is not closed with '}' in '/a/${tenant'");
    assertThatThrownBy(() -> Template.compile("${}", SCOPE)).hasMessage("empty expression ${}");
    assertThatThrownBy(() -> Template.compile("${randomInt(5,1)}", SCOPE))
        .hasMessage("randomInt(5,1): min is greater than max (in ${randomInt(5,1)})");
    assertThatThrownBy(() -> Template.compile("${randomInt(1)}", SCOPE))
        .hasMessage("randomInt takes two whole numbers, min and max (in ${randomInt(1)})");
    assertThatThrownBy(() -> Template.compile("${now()}", SCOPE))
        .hasMessage("unknown function 'now' in ${now()} (functions: randomInt(min,max), uuid(), seq())");
    assertThatThrownBy(() -> Template.compile("${tenat}", SCOPE))
        .hasMessage("unknown variable 'tenat' in ${tenat} (did you mean 'tenant'?)");
    assertThatThrownBy(() -> Template.compile("${zzz}", SCOPE))
        .hasMessage("unknown variable 'zzz' in ${zzz} (variables and extracted values: orderId, tenant, token)");
    assertThatThrownBy(() -> Template.compile("${user.name}", SCOPE))
        .hasMessage("unknown feeder 'user' in ${user.name} (did you mean 'users'?)");
    assertThatThrownBy(() -> Template.compile("${env.MISSING}", SCOPE))
        .hasMessage("environment variable 'MISSING' is not set (used in ${env.MISSING})");
  }
}

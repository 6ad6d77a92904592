package dev.statsigjdbc.assistant.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityLexiconTest {
  static final EntityLexicon LEXICON = new EntityLexicon(List.of(
      entity(EntityKind.EXPERIMENT, "checkout_v2", "checkout_v2"),
      entity(EntityKind.EXPERIMENT, "checkout_v2_mobile", "checkout_v2_mobile"),
      entity(EntityKind.EXPERIMENT, "guest_checkout", "guest_checkout"),
      entity(EntityKind.EXPERIMENT, "onboarding_checklist", "onboarding_checklist"),
      entity(EntityKind.GATE, "new_onboarding", "new_onboarding"),
      entity(EntityKind.GATE, "onboarding_progress_bar", "onboarding_progress_bar"),
      metric("revenue_per_user", "sum"),
      metric("activation", "event_user"),
      metric("checkout_conversion", "funnel")));

  static Entity entity(EntityKind kind, String id, String name) {
    return new Entity(kind, id, name, Words.of(id), null);
  }

  static Entity metric(String name, String type) {
    return new Entity(EntityKind.METRIC, name + "::" + type, name, Words.of(name), "increase");
  }

  static Map<EntityKind, EntityLexicon.Match> resolve(String question) {
    return EntityResolver.resolve(LEXICON, Words.of(question));
  }

  static String id(Map<EntityKind, EntityLexicon.Match> found, EntityKind kind) {
    return found.containsKey(kind) ? found.get(kind).entity().id() : null;
  }

  @Test
  void hyphenatedGateNameFindsTheGate() {
    assertThat(id(resolve("What is the exposure split on the new-onboarding gate?"), EntityKind.GATE))
        .isEqualTo("new_onboarding");
  }

  @Test
  void checkoutTestIsTheCheckoutExperimentNotTheMetric() {
    Map<EntityKind, EntityLexicon.Match> found = resolve("Did the checkout test move revenue per user?");
    assertThat(id(found, EntityKind.EXPERIMENT)).isEqualTo("checkout_v2");
    assertThat(id(found, EntityKind.METRIC)).isEqualTo("revenue_per_user::sum");
  }

  @Test
  void aMetricIsNamedWithoutItsType() {
    assertThat(id(resolve("what did it do to activation"), EntityKind.METRIC)).isEqualTo("activation::event_user");
  }

  @Test
  void exactNamesOutrankPartialOnes() {
    Map<EntityKind, EntityLexicon.Match> found = resolve("did guest checkout move checkout conversion");
    assertThat(id(found, EntityKind.EXPERIMENT)).isEqualTo("guest_checkout");
    assertThat(id(found, EntityKind.METRIC)).isEqualTo("checkout_conversion::funnel");
  }

  @Test
  void commonWordsAloneMatchNothing() {
    assertThat(resolve("what is the new user rate per day")).isEmpty();
  }
}

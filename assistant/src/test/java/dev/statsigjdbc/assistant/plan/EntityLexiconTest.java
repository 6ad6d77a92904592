package dev.statsigjdbc.assistant.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** Exact names of any kind first, then partial ones, experiments before gates before metrics (as the planner does). */
  static Map<EntityKind, Entity> resolve(String question) {
    Reading r = Reading.of(question, KnownWords.of(Set.of(), LEXICON));
    Map<EntityKind, Entity> found = new EnumMap<>(EntityKind.class);
    List<EntityKind> kinds = List.of(EntityKind.EXPERIMENT, EntityKind.GATE, EntityKind.METRIC);
    Optional<EntityResolver.Named> exact;
    while ((exact = EntityResolver.exact(LEXICON, r, kinds.stream().filter(k -> !found.containsKey(k)).toList()))
        .isPresent()) {
      found.put(exact.get().entity().kind(), exact.get().entity());
    }
    for (EntityKind kind : kinds) {
      if (!found.containsKey(kind)) {
        EntityResolver.partial(LEXICON, r, kind).ifPresent(n -> found.put(kind, n.entity()));
      }
    }
    return found;
  }

  static String id(Map<EntityKind, Entity> found, EntityKind kind) {
    return found.containsKey(kind) ? found.get(kind).id() : null;
  }

  @Test
  void hyphenatedGateNameFindsTheGate() {
    assertThat(id(resolve("What is the exposure split on the new-onboarding gate?"), EntityKind.GATE))
        .isEqualTo("new_onboarding");
  }

  @Test
  void checkoutTestIsTheCheckoutExperimentNotTheMetric() {
    Map<EntityKind, Entity> found = resolve("Did the checkout test move revenue per user?");
    assertThat(id(found, EntityKind.EXPERIMENT)).isEqualTo("checkout_v2");
    assertThat(id(found, EntityKind.METRIC)).isEqualTo("revenue_per_user::sum");
  }

  @Test
  void aMetricIsNamedWithoutItsType() {
    assertThat(id(resolve("what did it do to activation"), EntityKind.METRIC)).isEqualTo("activation::event_user");
  }

  @Test
  void exactNamesOutrankPartialOnes() {
    Map<EntityKind, Entity> found = resolve("did guest checkout move checkout conversion");
    assertThat(id(found, EntityKind.EXPERIMENT)).isEqualTo("guest_checkout");
    assertThat(id(found, EntityKind.METRIC)).isEqualTo("checkout_conversion::funnel");
  }

  @Test
  void aPartialNameTwoEntitiesShareEquallyIsAmbiguous() {
    EntityLexicon two = new EntityLexicon(List.of(entity(EntityKind.EXPERIMENT, "search_ranking", "search_ranking"),
        entity(EntityKind.EXPERIMENT, "search_filters", "search_filters")));
    Reading r = Reading.of("did the search experiment work", KnownWords.of(Set.of(), two));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EntityResolver.partial(two, r, EntityKind.EXPERIMENT))
        .isInstanceOf(EntityResolver.Ambiguous.class)
        .satisfies(e -> assertThat(((EntityResolver.Ambiguous) e).candidates()).extracting(Entity::id)
            .containsExactlyInAnyOrder("search_ranking", "search_filters"));
  }

  @Test
  void aTypoCloseToOneKnownWordIsCorrectedAndNoted() {
    Reading r = Reading.of("How many expirements tagged chekout", KnownWords.of(Set.of("experiment"), LEXICON));
    assertThat(r.text()).isEqualTo("how many experiments tagged checkout");
    assertThat(r.corrections()).contains("\"expirements\" read as \"experiments\"", "\"chekout\" read as \"checkout\"");
  }

  @Test
  void commonWordsAloneMatchNothing() {
    assertThat(resolve("what is the new user rate per day")).isEmpty();
  }
}

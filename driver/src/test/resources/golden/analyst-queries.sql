-- experiments by status
SELECT status, COUNT(*) AS experiments FROM experiments GROUP BY status ORDER BY status;

-- checkout_v2: lift of every metric in every test group
SELECT test_group_name, metric_role, metric_id, ROUND(percent_change, 2) AS pct, ROUND(p_value, 4) AS p
  FROM experiment_results WHERE experiment_id = 'checkout_v2' ORDER BY test_group_name, metric_role, metric_id;

-- significant movements of primary metrics in three experiments
SELECT e.id, e.status, r.metric_id, ROUND(r.percent_change, 2) AS pct
  FROM experiments e JOIN experiment_results r ON r.experiment_id = e.id
 WHERE e.id IN ('checkout_v2', 'experiment_001', 'experiment_002') AND r.metric_role = 'primary' AND r.p_value < 0.05
 ORDER BY e.id, r.metric_id;

-- groups and their sizes
SELECT experiment_id, name, size FROM experiment_groups WHERE experiment_id = 'checkout_v2' ORDER BY name;

-- new_onboarding rollout
SELECT rule_id, name, pass_percentage FROM gate_rules WHERE gate_id = 'new_onboarding' ORDER BY rule_id;

-- new_onboarding: metric impact per rule
SELECT rule_name, metric_id, ROUND(percent_change, 2) AS pct, units_passed, units_failed
  FROM gate_results WHERE gate_id = 'new_onboarding' ORDER BY rule_name, metric_id;

-- gates by status
SELECT status, COUNT(*) AS gates FROM gates GROUP BY status ORDER BY status;

-- revenue per user, last week
SELECT ds, ROUND("value", 2) AS revenue FROM metric_values
 WHERE metric_id = 'revenue_per_user::sum' AND ds BETWEEN DATE '2026-02-23' AND DATE '2026-03-01' ORDER BY ds;

-- metrics by type
SELECT type, COUNT(*) AS metrics FROM metrics GROUP BY type ORDER BY type;

-- what changed recently
SELECT action_type, COUNT(*) AS changes FROM (SELECT action_type FROM audit_logs LIMIT 50) GROUP BY action_type
 ORDER BY changes DESC, action_type;

extends SceneTree

func _init():
	seed(2024)
	var items = ["a", "b", "c", "d"]
	var picks = []
	for i in 10:
		picks.append(items[randi() % items.size()])
	print(picks)
	var rng = RandomNumberGenerator.new()
	rng.seed = 2024
	var rolls = []
	for i in 10:
		rolls.append(rng.randi_range(0, 3))
	print(rolls)
	rng.seed = 5
	var floats = []
	for i in 4:
		floats.append(stepify(rng.randf_range(-1, 1), 0.0001))
	print(floats)
	quit()

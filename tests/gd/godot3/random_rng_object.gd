extends SceneTree

func _init():
	var rng = RandomNumberGenerator.new()
	rng.seed = 2020
	print(rng.seed)
	for i in 5:
		printraw(rng.randi(), " ")
	print()
	for i in 5:
		printraw(rng.randi_range(1, 6), " ")
	print()
	for i in 3:
		printraw(rng.randf(), " ")
	print()
	for i in 3:
		printraw(rng.randf_range(5, 6), " ")
	print()
	for i in 3:
		printraw(rng.randfn(0, 1), " ")
	print()
	var other = RandomNumberGenerator.new()
	other.seed = 2020
	print(other.randi())
	quit()

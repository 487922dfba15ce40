extends SceneTree

func apply_all(values, target, method):
	var out = []
	for v in values:
		out.append(target.call(method, v))
	return out

func square(x):
	return x * x

func is_even(x):
	return x % 2 == 0

func _init():
	var values = range(1, 7)
	print(apply_all(values, self, "square"))
	var evens = []
	for v in values:
		if is_even(v):
			evens.append(v)
	print(evens)
	var total = 0
	for v in apply_all(evens, self, "square"):
		total += v
	print(total)
	var pairs = []
	for i in range(3):
		for j in range(i + 1, 3):
			pairs.append([i, j])
	print(pairs)
	quit()

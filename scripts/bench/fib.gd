extends SceneTree
# Recursive Fibonacci: function-call and integer-arithmetic cost.


func fib(n):
	if n < 2:
		return n
	return fib(n - 1) + fib(n - 2)


func _init():
	print("checksum: ", fib(27))
	quit()

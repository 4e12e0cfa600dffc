package io.dynamomigrate.job;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every job execution, as the job repository creates it, a context of its own: the
 * process that creates it ({@link ExecutionOwner}) and nothing that belonged to the
 * execution it restarts. Spring Batch creates an execution ({@code STARTING}) with a copy
 * of the previous execution's context on restart, or an empty one, and the job's
 * listeners run only once it has started; an owner saved by a listener was therefore
 * missing (a fresh run killed while starting could not be told from a run on another
 * host) or the previous process's (a restart killed while starting), and the previous
 * execution's failure stayed in the context of a restart that completed. Here the owner
 * is saved with the execution, in the same transaction, and the previous failure is
 * dropped.
 * <p>
 * A {@link BeanPostProcessor} that wraps the {@link JobRepository} bean, which the
 * {@code JobOperator} and the steps use; every other call goes to the repository
 * unchanged. Thread-safe.
 */
final class NewExecutionContexts implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof JobRepository repository)) {
			return bean;
		}
		return Proxy.newProxyInstance(JobRepository.class.getClassLoader(), new Class<?>[] { JobRepository.class },
				(proxy, method, args) -> invoke(repository, method, args));
	}

	private static Object invoke(JobRepository repository, Method method, Object[] args) throws Throwable {
		if (method.getName().equals("createJobExecution") && args != null && args.length == 3
				&& args[2] instanceof ExecutionContext inherited) {
			args = args.clone();
			args[2] = ownContext(inherited);
		}
		try {
			return method.invoke(repository, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * The context a new execution starts with: the inherited one, less its failure, with
	 * this process as owner.
	 */
	static ExecutionContext ownContext(ExecutionContext inherited) {
		ExecutionContext context = new ExecutionContext(inherited);
		context.remove(ExecutionRecorder.FAILURE);
		ExecutionOwner.current().saveTo(context);
		return context;
	}

}
